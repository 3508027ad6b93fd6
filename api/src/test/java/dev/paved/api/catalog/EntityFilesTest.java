package dev.paved.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paved.activities.git.LocalGitRepositories;
import dev.paved.api.TestDatabases;
import dev.paved.testfixtures.github.FakeGithub;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An entity's repository files through its location on GitHub (FakeGithub, answering as GitHub's
 * contents API does): beside its catalog-info.yaml, from the root, on another branch, folder
 * listings, and paths or branch names that are not ones.
 */
class EntityFilesTest {

  private static final String REF = "component:default/ef-checkout";
  private final FakeGithub github = new FakeGithub();

  @AfterEach
  void stop() {
    assertThat(github.unhandled()).isEmpty();
    github.close();
  }

  private EntityFiles files() throws Exception {
    GithubCatalogApi api = new GithubCatalogApi(github.apiUrl(), github.webUrl(), FakeGithub.TOKEN);
    JdbcClient jdbc = JdbcClient.create(TestDatabases.h2Only().dataSource());
    CatalogStore store = new CatalogStore(jdbc);
    CatalogLocations locations = new CatalogLocations(jdbc);
    CatalogIngestion ingestion =
        new CatalogIngestion(
            store,
            locations,
            List.of(new GithubEntityProvider(api), new FileEntityProvider()),
            new EntityValidator(),
            Clock.systemUTC());
    Catalog catalog = new Catalog(store, locations, ingestion, Clock.systemUTC());
    String target = github.webUrl() + "/acme/mono/blob/main/services/checkout/catalog-info.yaml";
    assertThat(catalog.register("url", target, false, "api", false, "pat").outcome().errors())
        .isEmpty();
    return new EntityFiles(
        store,
        locations,
        ingestion,
        new LocalGitRepositories(Files.createTempDirectory("ef-git")),
        new CatalogConfiguration.CatalogGithub(api));
  }

  @Test
  void filesBesideTheEntityAtTheRootAndOnAReportsBranch() throws Exception {
    github.repository(
        "acme",
        "mono",
        Map.of(
            "services/checkout/catalog-info.yaml",
            """
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata: {name: ef-checkout}
            spec: {type: service, lifecycle: production, owner: team-payments}
            """,
            "services/checkout/README.md",
            "# Checkout\n",
            "services/checkout/slo/a.yaml",
            "a",
            "services/checkout/slo/b.yml",
            "b",
            "services/checkout/slo/old/c.yaml",
            "c",
            "README.md",
            "# Mono\n"));
    github.branch(
        "acme/mono",
        "paved-reports",
        "main",
        Map.of("services/checkout/reports/trivy.json", "{}"),
        "reports");
    EntityFiles files = files();

    EntityFiles.File readme = files.read(REF, null, "README.md").orElseThrow();
    assertThat(readme.text()).isEqualTo("# Checkout\n");
    assertThat(readme.source())
        .isEqualTo(github.webUrl() + "/acme/mono/blob/main/services/checkout/README.md");
    assertThat(files.read(REF, null, "/README.md").orElseThrow().text()).isEqualTo("# Mono\n");
    assertThat(files.read(REF, "paved-reports", "reports/trivy.json").orElseThrow().source())
        .endsWith("/acme/mono/blob/paved-reports/services/checkout/reports/trivy.json");
    assertThat(files.read(REF, null, "reports/trivy.json")).isEmpty();
    assertThat(files.read(REF, "no-such-branch", "README.md")).isEmpty();

    assertThat(files.list(REF, null, "slo/")).containsExactly("a.yaml", "b.yml");
    assertThat(files.list(REF, "paved-reports", "slo")).containsExactly("a.yaml", "b.yml");
    assertThat(files.list(REF, null, ".slo")).isEmpty();

    assertThatThrownBy(() -> files.read(REF, null, "../payments/README.md"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> files.read(REF, "a/../b", "README.md"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(files.read("component:default/nope", null, "README.md")).isEmpty();
    assertThat(files.refs("component")).containsExactly(REF);
  }
}
