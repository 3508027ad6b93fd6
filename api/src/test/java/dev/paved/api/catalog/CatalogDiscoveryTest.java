package dev.paved.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.activities.git.LocalGitRepositories;
import dev.paved.api.TestDatabases;
import dev.paved.api.TestDatabases.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Discovery in local mode's git folder, on real bare repositories, on every database. */
class CatalogDiscoveryTest {

  static Stream<TestDatabase> databases() {
    return TestDatabases.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void everyRepositoryWithACatalogFileOnItsDefaultBranchBecomesALocation(TestDatabase db)
      throws Exception {
    Path root = Files.createTempDirectory("discovery");
    CatalogGitRepos repos = new CatalogGitRepos(root);
    repos.commit("team-payments", "checkout", Map.of("catalog-info.yaml", SERVICE));
    repos.commit("team-payments", "notes", Map.of("README.md", "no catalog file"));
    repos.commit("team-payments", "nested", Map.of("docs/catalog-info.yaml", SERVICE));
    LocalGitRepositories git = repos.git;
    repos.commit("team-payments", "made-by-a-run", Map.of("catalog-info.yaml", SERVICE));
    try (Git made = Git.open(git.path("team-payments", "made-by-a-run").toFile())) {
      made.getRepository()
          .getConfig()
          .setString(LocalGitRepositories.MARKER_SECTION, null, "service", "team-payments/x");
      made.getRepository().getConfig().save();
    }
    Files.createDirectories(git.root().resolve("team-payments/empty.git"));
    CatalogIngestionTest.Parts p = CatalogIngestionTest.parts(db, repos);
    CatalogDiscovery discovery = new CatalogDiscovery(git, p.locations(), Clock.systemUTC());

    String checkout = repos.url("team-payments", "checkout", "catalog-info.yaml");
    assertThat(discovery.discover()).containsExactly(checkout);
    assertThat(discovery.discover()).as("known already").isEmpty();
    CatalogLocations.Location location = p.locations().find("url", checkout).orElseThrow();
    assertThat(location.origin()).isEqualTo("discovery");
    assertThat(location.trusted()).isFalse();

    p.catalog().refreshAll();
    assertThat(p.store().find("Component", "default", "discovered")).isPresent();

    repos.commit("team-payments", "notes", Map.of("catalog-info.yaml", SERVICE2));
    assertThat(discovery.discover())
        .containsExactly(repos.url("team-payments", "notes", "catalog-info.yaml"));
    p.catalog().refreshAll();
    assertThat(p.store().find("Component", "default", "notes")).isPresent();
  }

  static final String SERVICE =
      """
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata: {name: discovered}
      spec: {type: service, lifecycle: production, owner: team-payments}
      """;
  static final String SERVICE2 = SERVICE.replace("discovered", "notes");
}
