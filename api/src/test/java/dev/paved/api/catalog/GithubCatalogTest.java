package dev.paved.api.catalog;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.paved.api.TestDatabases;
import dev.paved.api.TestDatabases.TestDatabase;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Organisation discovery and conditional reads against a stand-in answering as GitHub's REST API
 * does (Link paging, ETag and 304, 404, a 403 rate limit), on every database Paved supports.
 */
class GithubCatalogTest {

  private static final String TOKEN = "ghp_catalogtesttoken";
  private static final String FILE =
      """
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata: {name: gh-checkout}
      spec: {type: service, lifecycle: production, owner: team-payments}
      """;

  private final WireMockServer github = new WireMockServer(options().dynamicPort());
  private GithubCatalogApi api;

  static Stream<TestDatabase> databases() {
    return TestDatabases.all();
  }

  @BeforeEach
  void start() {
    github.start();
    // the web pages' prefix is the stand-in's own address: the URLs stay on it
    api = new GithubCatalogApi(github.baseUrl(), github.baseUrl(), TOKEN);
  }

  @AfterEach
  void stop() {
    github.stop();
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

  private static String repo(String name, boolean archived, String pushedAt) {
    return """
        {"name": "%s", "full_name": "acme/%s", "owner": {"login": "acme"},
         "default_branch": "main", "archived": %s, "pushed_at": "%s"}"""
        .formatted(name, name, archived, pushedAt);
  }

  private void contents(String repo, String path, int status, String body) {
    github.stubFor(
        get(urlPathEqualTo("/repos/acme/" + repo + "/contents/" + path))
            .withQueryParam("ref", equalTo("main"))
            .willReturn(
                status == 200
                    ? aResponse().withStatus(200).withHeader("ETag", "\"v1\"").withBody(body)
                    : aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            "{\"message\": \"Not Found\", \"documentation_url\":"
                                + " \"https://docs.github.com/rest\"}")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void everyRepositoryOfTheOrganisationWithAFileBecomesALocation(TestDatabase db) {
    String next = github.baseUrl() + "/orgs/acme/repos?type=all&per_page=100&page=2";
    github.stubFor(
        get(urlPathEqualTo("/orgs/acme/repos"))
            .withQueryParam("page", absent())
            .willReturn(
                okJson(
                        "["
                            + repo("checkout", false, "2026-12-01T10:00:00Z")
                            + ","
                            + repo("docs", false, "2026-12-01T10:00:00Z")
                            + ","
                            + repo("old", true, "2020-01-01T10:00:00Z")
                            + ","
                            + repo("made", false, "2026-12-01T10:00:00Z")
                            + "]")
                    .withHeader("Link", "<" + next + ">; rel=\"next\"")));
    github.stubFor(
        get(urlPathEqualTo("/orgs/acme/repos"))
            .withQueryParam("page", equalTo("2"))
            .willReturn(okJson("[" + repo("search", false, "2026-12-02T10:00:00Z") + "]")));
    contents("checkout", "catalog-info.yaml", 200, FILE);
    contents("checkout", ".paved/service.json", 404, null);
    contents("docs", "catalog-info.yaml", 404, null);
    contents("made", "catalog-info.yaml", 200, FILE);
    contents("made", ".paved/service.json", 200, "{\"service\": \"team-payments/made\"}");
    contents("search", "catalog-info.yaml", 200, FILE.replace("gh-checkout", "gh-search"));
    contents("search", ".paved/service.json", 404, null);
    Parts p = parts(db);
    GithubDiscovery discovery = new GithubDiscovery(api, "acme", p.locations(), Clock.systemUTC());

    assertThat(discovery.discover())
        .containsExactly(
            "github-org:acme",
            github.baseUrl() + "/acme/checkout/blob/main/catalog-info.yaml",
            github.baseUrl() + "/acme/search/blob/main/catalog-info.yaml");
    assertThat(p.locations().all())
        .filteredOn(l -> l.type().equals("url"))
        .allSatisfy(l -> assertThat(l.trusted()).isFalse())
        .extracting(CatalogLocations.Location::origin)
        .containsOnly("discovery");
    github.verify(
        getRequestedFor(urlPathEqualTo("/orgs/acme/repos"))
            .withHeader("Authorization", equalTo("token " + TOKEN)));

    // again: nothing new, and a repository seen without a file is not asked again until pushed to
    assertThat(discovery.discover()).isEmpty();
    github.verify(
        1, getRequestedFor(urlPathEqualTo("/repos/acme/docs/contents/catalog-info.yaml")));
    github.verify(0, getRequestedFor(urlPathEqualTo("/repos/acme/old/contents/catalog-info.yaml")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void anUnchangedFileCostsA304AndAGoneOneIsNotAskedForAtEveryTurn(TestDatabase db) {
    contents("checkout", "catalog-info.yaml", 200, FILE);
    Parts p = parts(db);
    String target = github.baseUrl() + "/acme/checkout/blob/main/catalog-info.yaml";
    String id = p.catalog().register("url", target, false, "api", false, "pat").location().id();
    assertThat(p.store().findByRef("component:default/gh-checkout")).isPresent();
    assertThat(p.locations().find(id).orElseThrow().readVersion()).isEqualTo("\"v1\"");

    github.stubFor(
        get(urlPathEqualTo("/repos/acme/checkout/contents/catalog-info.yaml"))
            .withHeader("If-None-Match", equalTo("\"v1\""))
            .willReturn(aResponse().withStatus(304).withHeader("ETag", "\"v1\"")));
    var again = p.catalog().read(id, true).orElseThrow();
    assertThat(again.unchanged()).isTrue();
    assertThat(again.entities()).hasSize(1);
    github.verify(
        getRequestedFor(urlPathEqualTo("/repos/acme/checkout/contents/catalog-info.yaml"))
            .withHeader("If-None-Match", equalTo("\"v1\""))
            .withHeader("Accept", equalTo("application/vnd.github.raw+json")));

    // the file is gone: reported once, its entity an orphan, not asked for at scheduled turns
    github.resetAll();
    contents("checkout", "catalog-info.yaml", 404, null);
    assertThat(p.catalog().read(id, true).orElseThrow().missing()).isTrue();
    assertThat(p.store().findByRef("component:default/gh-checkout").orElseThrow().orphan())
        .isTrue();
    p.catalog().read(id, true);
    p.catalog().read(id, true);
    github.verify(
        1, getRequestedFor(urlPathEqualTo("/repos/acme/checkout/contents/catalog-info.yaml")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aRateLimitIsAnErrorOnTheLocationWithGithubsWordsAndNoToken(TestDatabase db) {
    contents("checkout", "catalog-info.yaml", 200, FILE);
    Parts p = parts(db);
    String target = github.baseUrl() + "/acme/checkout/blob/main/catalog-info.yaml";
    String id = p.catalog().register("url", target, false, "api", false, "pat").location().id();
    github.stubFor(
        get(urlPathEqualTo("/repos/acme/checkout/contents/catalog-info.yaml"))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("x-ratelimit-remaining", "0")
                    .withHeader("x-ratelimit-reset", "1764950400")
                    .withBody("{\"message\": \"API rate limit exceeded for installation.\"}")));

    Optional<CatalogIngestion.Outcome> outcome = p.catalog().read(id, false);

    assertThat(outcome.orElseThrow().errors())
        .singleElement()
        .asString()
        .contains("403", "API rate limit exceeded", "1764950400")
        .doesNotContain(TOKEN);
    // the last good entity stays
    assertThat(p.store().findByRef("component:default/gh-checkout").orElseThrow().orphan())
        .isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void theOrganisationsTeamsAndMembersAreGroupsAndUsers(TestDatabase db) {
    github.stubFor(
        get(urlPathEqualTo("/orgs/acme/teams"))
            .willReturn(
                okJson(
                    """
                    [{"slug": "payments", "name": "Payments", "description": "Pays", "parent": null},
                     {"slug": "payments-web", "name": "Payments web", "parent": {"slug": "payments"}}]
                    """)));
    github.stubFor(
        get(urlPathEqualTo("/orgs/acme/teams/payments/members"))
            .willReturn(okJson("[{\"login\": \"alice\"}, {\"login\": \"bob\"}]")));
    github.stubFor(
        get(urlPathEqualTo("/orgs/acme/teams/payments-web/members"))
            .willReturn(okJson("[{\"login\": \"bob\"}]")));
    Parts p = parts(db);
    String id =
        p.locations()
            .add(
                "github-org", "acme", "config", true, null, null, "config", java.time.Instant.now())
            .id();

    assertThat(p.catalog().refresh(id).errors()).isEmpty();

    assertThat(p.store().relationsOf("group:default/payments"))
        .contains(
            java.util.Map.of("type", "hasMember", "targetRef", "user:default/alice"),
            java.util.Map.of("type", "parentOf", "targetRef", "group:default/payments-web"));
    assertThat(p.store().relationsOf("user:default/bob"))
        .contains(
            java.util.Map.of("type", "memberOf", "targetRef", "group:default/payments"),
            java.util.Map.of("type", "memberOf", "targetRef", "group:default/payments-web"));
    assertThat(p.catalog().refresh(id).unchanged()).isTrue();
  }
}
