package dev.paved.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.api.TestDatabases;
import dev.paved.api.TestDatabases.TestDatabase;
import dev.paved.testfixtures.StandIn.Call;
import dev.paved.testfixtures.github.FakeGithub;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Organisation discovery and conditional reads against FakeGithub, which answers as GitHub's REST
 * API does (Link paging, ETag and 304, 404, a 403 rate limit), on every database Paved supports.
 */
class GithubCatalogTest {

  private static final String FILE =
      """
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata: {name: gh-checkout}
      spec: {type: service, lifecycle: production, owner: team-payments}
      """;
  private static final String CHECKOUT_FILE =
      "/api/v3/repos/acme/checkout/contents/catalog-info.yaml";

  private final FakeGithub github = new FakeGithub();
  private GithubCatalogApi api;

  static Stream<TestDatabase> databases() {
    return TestDatabases.all();
  }

  @BeforeEach
  void start() {
    api = new GithubCatalogApi(github.apiUrl(), github.webUrl(), FakeGithub.TOKEN);
  }

  @AfterEach
  void stop() {
    assertThat(github.unhandled()).isEmpty();
    github.close();
  }

  record Parts(CatalogStore store, CatalogLocations locations, Catalog catalog) {}

  private Parts parts(TestDatabase db) {
    JdbcClient jdbc = JdbcClient.create(db.dataSource());
    CatalogStore store = new CatalogStore(jdbc);
    CatalogLocations locations = new CatalogLocations(jdbc);
    CatalogIngestion ingestion =
        new CatalogIngestion(
            store,
            locations,
            List.of(
                new GithubEntityProvider(api),
                new GithubOrgEntityProvider(api),
                new FileEntityProvider()),
            new EntityValidator(),
            Clock.systemUTC());
    return new Parts(store, locations, new Catalog(store, locations, ingestion, Clock.systemUTC()));
  }

  private String checkoutTarget() {
    return github.webUrl() + "/acme/checkout/blob/main/catalog-info.yaml";
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void everyRepositoryOfTheOrganisationWithAFileBecomesALocation(TestDatabase db) {
    github.repository("acme", "checkout", Map.of("catalog-info.yaml", FILE));
    github.repository("acme", "docs", Map.of("README.md", "# docs"));
    github.repository("acme", "old", Map.of("catalog-info.yaml", FILE));
    github.archive("acme/old");
    github.pushedAt("acme/old", Instant.parse("2020-01-01T10:00:00Z"));
    github.repository(
        "acme",
        "made",
        Map.of(
            "catalog-info.yaml",
            FILE,
            ".paved/service.json",
            "{\"service\": \"team-payments/made\"}"));
    github.repository(
        "acme", "search", Map.of("catalog-info.yaml", FILE.replace("gh-checkout", "gh-search")));
    github.pushedAt("acme/search", Instant.parse("2026-12-02T10:00:00Z"));
    github.maxPerPage(4); // the fifth repository is on a second page
    Parts p = parts(db);
    GithubDiscovery discovery = new GithubDiscovery(api, "acme", p.locations(), Clock.systemUTC());

    assertThat(discovery.discover())
        .containsExactly(
            "github-org:acme",
            github.webUrl() + "/acme/checkout/blob/main/catalog-info.yaml",
            github.webUrl() + "/acme/search/blob/main/catalog-info.yaml");
    assertThat(p.locations().all())
        .filteredOn(l -> l.type().equals("url"))
        .allSatisfy(l -> assertThat(l.trusted()).isFalse())
        .extracting(CatalogLocations.Location::origin)
        .containsOnly("discovery");
    List<Call> listings = github.calls("GET", "/api/v3/orgs/acme/repos");
    assertThat(listings)
        .extracting(c -> c.queryParameter("page"))
        .containsExactly(null, "2"); // the second page through the Link header
    assertThat(listings)
        .extracting(c -> c.header("Authorization"))
        .containsOnly("token " + FakeGithub.TOKEN);

    // again: nothing new, and a repository seen without a file is not asked again until pushed to
    assertThat(discovery.discover()).isEmpty();
    assertThat(github.calls("GET", "/api/v3/repos/acme/docs/contents/catalog-info.yaml"))
        .hasSize(1);
    assertThat(github.calls("GET", "/api/v3/repos/acme/old/contents/catalog-info.yaml")).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void anUnchangedFileCostsA304AndAGoneOneIsNotAskedForAtEveryTurn(TestDatabase db) {
    github.repository("acme", "checkout", Map.of("catalog-info.yaml", FILE));
    Parts p = parts(db);
    String id =
        p.catalog().register("url", checkoutTarget(), false, "api", false, "pat").location().id();
    assertThat(p.store().findByRef("component:default/gh-checkout")).isPresent();
    String etag = p.locations().find(id).orElseThrow().readVersion();
    assertThat(etag).isNotBlank();

    github.forgetCalls();
    var again = p.catalog().read(id, true).orElseThrow();
    assertThat(again.unchanged()).isTrue();
    assertThat(again.entities()).hasSize(1);
    assertThat(github.calls("GET", CHECKOUT_FILE))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.header("If-None-Match")).isEqualTo(etag);
              assertThat(c.header("Accept")).isEqualTo("application/vnd.github.raw+json");
              assertThat(c.queryParameter("ref")).isEqualTo("main");
            });

    // the file is gone: reported once, its entity an orphan, not asked for at scheduled turns
    github.deleteFile("acme/checkout", "main", "catalog-info.yaml");
    github.forgetCalls();
    assertThat(p.catalog().read(id, true).orElseThrow().missing()).isTrue();
    assertThat(p.store().findByRef("component:default/gh-checkout").orElseThrow().orphan())
        .isTrue();
    p.catalog().read(id, true);
    p.catalog().read(id, true);
    assertThat(github.calls("GET", CHECKOUT_FILE)).hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aRateLimitIsAnErrorOnTheLocationWithGithubsWordsAndNoToken(TestDatabase db) {
    github.repository("acme", "checkout", Map.of("catalog-info.yaml", FILE));
    Parts p = parts(db);
    String id =
        p.catalog().register("url", checkoutTarget(), false, "api", false, "pat").location().id();
    github.rateLimitExhausted("GET", CHECKOUT_FILE, Instant.ofEpochSecond(1764950400));

    Optional<CatalogIngestion.Outcome> outcome = p.catalog().read(id, false);

    assertThat(outcome.orElseThrow().errors())
        .singleElement()
        .asString()
        .contains("403", "API rate limit exceeded", "1764950400")
        .doesNotContain(FakeGithub.TOKEN);
    // the last good entity stays
    assertThat(p.store().findByRef("component:default/gh-checkout").orElseThrow().orphan())
        .isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void theOrganisationsTeamsAndMembersAreGroupsAndUsers(TestDatabase db) {
    github.team("acme", "payments", "Payments", "Pays", null, List.of("alice", "bob"));
    github.team("acme", "payments-web", "Payments web", null, "payments", List.of("bob"));
    Parts p = parts(db);
    String id =
        p.locations()
            .add("github-org", "acme", "config", true, null, null, "config", Instant.now())
            .id();

    assertThat(p.catalog().refresh(id).errors()).isEmpty();

    assertThat(p.store().relationsOf("group:default/payments"))
        .contains(
            Map.of("type", "hasMember", "targetRef", "user:default/alice"),
            Map.of("type", "parentOf", "targetRef", "group:default/payments-web"));
    assertThat(p.store().relationsOf("user:default/bob"))
        .contains(
            Map.of("type", "memberOf", "targetRef", "group:default/payments"),
            Map.of("type", "memberOf", "targetRef", "group:default/payments-web"));
    assertThat(github.lines())
        .contains(
            "GET /api/v3/orgs/acme/teams",
            "GET /api/v3/orgs/acme/teams/payments/members",
            "GET /api/v3/orgs/acme/teams/payments-web/members");
    assertThat(p.catalog().refresh(id).unchanged()).isTrue();
  }
}
