package dev.paved.api.scorecards;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paved.scorecards.*}: where scorecards are read from and how often they are evaluated.
 *
 * @param dir the folder of scorecard files ({@code PAVED_SCORECARDS_DIR}); the repository's {@code
 *     scorecards/} when run from it
 * @param locations more sources after {@code dir}, as template locations are written: folders, or
 *     {@code git+<url>[#<ref>[:<path>]]} ({@code PAVED_SCORECARDS_LOCATIONS}, comma-separated)
 * @param pollInterval the folder is looked at this often and reloaded when a file changed; 0: read
 *     at start only
 * @param evaluateEvery every scorecard is evaluated whole this often (and once shortly after
 *     start); 0: only on a fact change or when asked
 */
@ConfigurationProperties("paved.scorecards")
public record ScorecardProperties(
    @DefaultValue("./scorecards") Path dir,
    List<String> locations,
    @DefaultValue("30s") Duration pollInterval,
    @DefaultValue("1h") Duration evaluateEvery) {

  public ScorecardProperties {
    locations =
        locations == null
            ? List.of()
            : locations.stream().filter(l -> l != null && !l.isBlank()).toList();
  }
}
