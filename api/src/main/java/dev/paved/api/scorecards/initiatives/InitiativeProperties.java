package dev.paved.api.scorecards.initiatives;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paved.scorecards.initiative-*}: who sets initiatives, and how often their progress is kept
 * and their owners reminded.
 *
 * @param initiativeCreators groups whose members may create initiatives, beside the platform team
 * @param initiativeSweepInterval how often today's progress is kept and due notifications sent
 */
@ConfigurationProperties("paved.scorecards")
public record InitiativeProperties(
    List<String> initiativeCreators, @DefaultValue("PT1H") Duration initiativeSweepInterval) {

  public InitiativeProperties {
    initiativeCreators = initiativeCreators == null ? List.of() : List.copyOf(initiativeCreators);
  }
}
