package dev.paved.api.catalog;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paved.catalog.*}: where the catalog reads entities from and how often.
 *
 * @param locations {@code url:<target>} or {@code file:<path>} (a bare URL or path is taken as
 *     such), trusted: they may hold Group, User and Location entities
 * @param refreshInterval each location's workflow reads it again this often (jittered by up to a
 *     tenth); 0: only when asked
 * @param orphanGrace an orphan is deleted this long after its location stopped emitting it; {@code
 *     keep} never deletes
 * @param discovery every repository of local mode's git folder with {@code /catalog-info.yaml} on
 *     its default branch becomes a location ({@code PAVED_CATALOG_DISCOVERY}); unset: on in local
 *     mode with local git hosting, off otherwise
 * @param githubOrg a GitHub organisation ({@code PAVED_CATALOG_GITHUB_ORG}): every repository of it
 *     with {@code /catalog-info.yaml} on its default branch becomes a location (needs {@code
 *     PAVED_GITHUB_TOKEN})
 */
@ConfigurationProperties("paved.catalog")
public record CatalogProperties(
    List<String> locations,
    @DefaultValue("PT5M") Duration refreshInterval,
    @DefaultValue("24h") String orphanGrace,
    Boolean discovery,
    String githubOrg) {

  public CatalogProperties {
    githubOrg = githubOrg == null || githubOrg.isBlank() ? null : githubOrg.strip();
    locations =
        locations == null ? List.of() : locations.stream().filter(l -> !l.isBlank()).toList();
  }

  /** The grace period, or null when orphans are kept. */
  Duration orphanGraceDuration() {
    if ("keep".equalsIgnoreCase(orphanGrace.trim())) {
      return null;
    }
    return org.springframework.boot.convert.DurationStyle.detectAndParse(orphanGrace.trim());
  }
}
