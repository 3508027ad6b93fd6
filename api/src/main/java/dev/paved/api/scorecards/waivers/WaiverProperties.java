package dev.paved.api.scorecards.waivers;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paved.scorecards.waiver-*}: who approves waivers and how long they may last.
 *
 * @param waiverApprovers per scorecard id, the groups whose members approve its waivers; a
 *     scorecard not named here has its waivers approved by the platform group
 * @param waiverMaxDuration the furthest expiry a waiver may ask for, from the request
 * @param waiverPendingTimeout a waiver nobody decides within this ends EXPIRED
 */
@ConfigurationProperties("paved.scorecards")
public record WaiverProperties(
    Map<String, List<String>> waiverApprovers,
    @DefaultValue("P180D") Duration waiverMaxDuration,
    @DefaultValue("P14D") Duration waiverPendingTimeout) {

  public WaiverProperties {
    waiverApprovers = waiverApprovers == null ? Map.of() : Map.copyOf(waiverApprovers);
  }
}
