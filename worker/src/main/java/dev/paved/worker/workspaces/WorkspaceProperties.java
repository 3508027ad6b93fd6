package dev.paved.worker.workspaces;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paved.workspaces.*}: where the runs' workspaces live.
 *
 * @param store {@code local} (the folder under the data dir is the only copy: one host, or hosts
 *     sharing the data folder) or {@code database} (every step's changes kept in Paved's database,
 *     so workers on other hosts share nothing; {@code PAVED_WORKSPACES_STORE})
 * @param sweepAfter how long this host keeps its copy of a workspace whose run has ended on another
 *     worker ({@code database} only)
 */
@ConfigurationProperties("paved.workspaces")
public record WorkspaceProperties(
    @DefaultValue("local") Store store, @DefaultValue("1h") Duration sweepAfter) {

  public enum Store {
    LOCAL,
    DATABASE
  }

  public WorkspaceProperties {
    if (sweepAfter.isNegative() || sweepAfter.isZero()) {
      throw new IllegalArgumentException("paved.workspaces.sweep-after must be positive");
    }
  }
}
