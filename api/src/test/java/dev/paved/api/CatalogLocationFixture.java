package dev.paved.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.api.catalog.CatalogGitRepos;
import java.nio.file.Path;
import java.util.Map;

/**
 * A catalog location for end-to-end tests: the files committed to a real bare repository of the
 * test's data folder (local mode's git hosting), its {@code catalog-info.yaml} registered through
 * Backstage's API by a platform member, and read without errors.
 */
final class CatalogLocationFixture {

  private CatalogLocationFixture() {}

  /** Commits {@code files} to {@code platform/<repo>} and registers its catalog-info.yaml. */
  static CatalogGitRepos register(
      EndToEndTest.Caller platform, Path dataDir, String repo, Map<String, String> files)
      throws Exception {
    CatalogGitRepos repos = new CatalogGitRepos(dataDir);
    repos.commit("platform", repo, files);
    EndToEndTest.Answer added =
        platform.post(
            "/api/catalog/locations",
            Map.of("type", "url", "target", repos.url("platform", repo, "catalog-info.yaml")));
    assertThat(added.status()).as(added.body().toString()).isEqualTo(201);
    assertThat(added.body().path("errors")).as(added.body().toString()).isEmpty();
    return repos;
  }
}
