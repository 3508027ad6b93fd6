package dev.paved.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.api.TestDatabases;
import dev.paved.api.TestDatabases.TestDatabase;
import java.nio.file.Files;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Locations in real git repositories read into the catalog, on every database Paved supports. */
class CatalogIngestionTest {

  static final String SERVICE =
      """
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata: {name: checkout, tags: [java]}
      spec: {type: service, lifecycle: production, owner: team-payments, system: shop,
             providesApis: [checkout-api], dependsOn: ['resource:orders-db']}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: API
      metadata: {name: checkout-api}
      spec: {type: openapi, lifecycle: production, owner: team-payments, definition: 'openapi: 3.0.0'}
      """;
  static final String ORG =
      """
      apiVersion: backstage.io/v1alpha1
      kind: Location
      metadata: {name: org}
      spec: {targets: [./people.yaml]}
      """;
  static final String PEOPLE =
      """
      apiVersion: backstage.io/v1alpha1
      kind: Group
      metadata: {name: team-payments}
      spec: {type: team, children: [], members: [alice]}
      """;

  static Stream<TestDatabase> databases() {
    return TestDatabases.all();
  }

  record Parts(CatalogStore store, CatalogLocations locations, Catalog catalog) {}

  /** Registers a repository's catalog-info.yaml through the API, as alice would. */
  static Catalog.Registered registerAsAlice(
      Parts p, CatalogGitRepos repos, String owner, String repo) {
    return p.catalog()
        .register("url", repos.url(owner, repo, "catalog-info.yaml"), false, "api", false, "alice");
  }

  static Parts parts(TestDatabase db, CatalogGitRepos repos) {
    return parts(db, repos, LocationWorkflows.NONE);
  }

  /** The catalog as Paved assembles it, with the locations' workflows given (NONE: read here). */
  static Parts parts(TestDatabase db, CatalogGitRepos repos, LocationWorkflows workflows) {
    JdbcClient jdbc = JdbcClient.create(db.dataSource());
    CatalogStore store = new CatalogStore(jdbc);
    CatalogLocations locations = new CatalogLocations(jdbc);
    Clock clock = Clock.systemUTC();
    CatalogIngestion ingestion =
        new CatalogIngestion(
            store,
            locations,
            List.of(
                new LocalGitEntityProvider(repos.git),
                new UrlEntityProvider(repos.source()),
                new FileEntityProvider()),
            new EntityValidator(),
            clock);
    return new Parts(store, locations, new Catalog(store, locations, ingestion, clock, workflows));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void readsAStreamOfEntitiesAndTheLocationsALocationEntityNames(TestDatabase db) throws Exception {
    CatalogGitRepos repos = new CatalogGitRepos(Files.createTempDirectory("catalog"));
    repos.commit("team-payments", "checkout", Map.of("catalog-info.yaml", SERVICE));
    repos.commit("platform", "org", Map.of("org.yaml", ORG, "people.yaml", PEOPLE));
    Parts p = parts(db, repos);

    registerAsAlice(p, repos, "team-payments", "checkout");
    p.catalog()
        .register("url", repos.url("platform", "org", "org.yaml"), false, "config", true, "config");

    assertThat(p.store().findByRef("api:default/checkout-api")).isPresent();
    assertThat(p.store().findByRef("group:default/team-payments")).isPresent();
    assertThat(p.store().relationsOf("group:default/team-payments"))
        .contains(
            Map.of("type", "ownerOf", "targetRef", "component:default/checkout"),
            Map.of("type", "hasMember", "targetRef", "user:default/alice"));
    // dangling: no system shop, no resource orders-db; kept all the same
    assertThat(p.store().relationsOf("component:default/checkout"))
        .contains(
            Map.of("type", "partOf", "targetRef", "system:default/shop"),
            Map.of("type", "dependsOn", "targetRef", "resource:default/orders-db"));
    assertThat(p.locations().all()).hasSize(3);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void keepsTheLastGoodEntityAndMarksOrphans(TestDatabase db) throws Exception {
    CatalogGitRepos repos = new CatalogGitRepos(Files.createTempDirectory("catalog"));
    repos.commit("team-payments", "checkout", Map.of("catalog-info.yaml", SERVICE));
    Parts p = parts(db, repos);
    String id = registerAsAlice(p, repos, "team-payments", "checkout").location().id();

    // the component loses its owner: refused, its last good version stays with the error
    repos.commit(
        "team-payments",
        "checkout",
        Map.of("catalog-info.yaml", SERVICE.replace("owner: team-payments, system", "system")));
    var outcome = p.catalog().refresh(id);
    assertThat(outcome.errors()).singleElement().asString().contains("Component checkout");
    var kept = p.store().findByRef("component:default/checkout").orElseThrow();
    assertThat(kept.errors()).isNotEmpty();
    assertThat(kept.entity().owner()).isEqualTo("group:default/team-payments");
    assertThat(p.locations().find(id).orElseThrow().errors()).isNotEmpty();

    // the API is no longer emitted: an orphan
    repos.commit("team-payments", "checkout", Map.of("catalog-info.yaml", SERVICE.split("---")[0]));
    p.catalog().refresh(id);
    assertThat(p.store().findByRef("api:default/checkout-api").orElseThrow().orphan()).isTrue();
    assertThat(p.store().findByRef("component:default/checkout").orElseThrow().errors()).isEmpty();

    // the file is gone: reported once, everything an orphan
    repos.commit(
        "team-payments",
        "checkout",
        new HashMap<>(Map.of("catalog-info.yaml", "")) {
          {
            put("catalog-info.yaml", null);
          }
        });
    assertThat(p.catalog().refresh(id).missing()).isTrue();
    assertThat(p.store().findByRef("component:default/checkout").orElseThrow().orphan()).isTrue();
    assertThat(p.catalog().collectOrphans(java.time.Duration.ZERO)).isEqualTo(2);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void anUnchangedFileIsNotProcessedAgainButItsChildrenAreRead(TestDatabase db) throws Exception {
    CatalogGitRepos repos = new CatalogGitRepos(Files.createTempDirectory("catalog"));
    repos.commit("platform", "org", Map.of("org.yaml", ORG, "people.yaml", PEOPLE));
    Parts p = parts(db, repos);
    String id =
        p.catalog()
            .register("url", repos.url("platform", "org", "org.yaml"), false, "config", true, "c")
            .location()
            .id();

    var again = p.catalog().refresh(id);
    assertThat(again.unchanged()).isTrue();
    assertThat(again.entities()).extracting(Entity::ref).containsExactly("location:default/org");

    // a file its Location entity names changes: read, though the parent is unchanged
    repos.commit(
        "platform", "org", Map.of("people.yaml", PEOPLE.replace("[alice]", "[alice, bob]")));
    assertThat(p.catalog().refresh(id).unchanged()).isTrue();
    assertThat(p.store().relationsOf("group:default/team-payments"))
        .contains(Map.of("type", "hasMember", "targetRef", "user:default/bob"));

    // an entity deleted since: the unchanged file brings it back
    String uid = p.store().findByRef("location:default/org").orElseThrow().uid();
    p.catalog().deleteEntity(uid, "pat");
    assertThat(p.catalog().refresh(id).unchanged()).isFalse();
    assertThat(p.store().findByRef("location:default/org")).isPresent();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void anUntrustedLocationMayNotWritePeople(TestDatabase db) throws Exception {
    CatalogGitRepos repos = new CatalogGitRepos(Files.createTempDirectory("catalog"));
    repos.commit("team-payments", "people", Map.of("catalog-info.yaml", PEOPLE));
    Parts p = parts(db, repos);

    var registered = registerAsAlice(p, repos, "team-payments", "people");

    assertThat(registered.outcome().errors())
        .singleElement()
        .asString()
        .contains("come only from locations the platform configures");
    assertThat(p.store().findByRef("group:default/team-payments")).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aBranchThatHasNotMovedIsNotReadAgain(TestDatabase db) throws Exception {
    CatalogGitRepos repos = new CatalogGitRepos(Files.createTempDirectory("catalog"));
    repos.commit("team-payments", "checkout", Map.of("catalog-info.yaml", SERVICE));
    Parts p = parts(db, repos);
    String id = registerAsAlice(p, repos, "team-payments", "checkout").location().id();
    String commit = repos.head("team-payments", "checkout");
    assertThat(p.locations().find(id).orElseThrow().readVersion()).isEqualTo(commit);

    // the branch has not moved: the source says so, and nothing is read or parsed
    var again = p.catalog().refresh(id);
    assertThat(again.unchanged()).isTrue();
    assertThat(again.entities()).hasSize(2);

    // another file changes: the branch moved, the file is read, its content is the same
    repos.commit("team-payments", "checkout", Map.of("README.md", "# Checkout"));
    assertThat(p.catalog().refresh(id).unchanged()).isTrue();
    assertThat(p.locations().find(id).orElseThrow().readVersion())
        .isEqualTo(repos.head("team-payments", "checkout"))
        .isNotEqualTo(commit);

    // an entity deleted through the API: the next read reads the file in full and brings it back
    String uid = p.store().findByRef("api:default/checkout-api").orElseThrow().uid();
    p.catalog().deleteEntity(uid, "pat");
    assertThat(p.catalog().refresh(id).unchanged()).isFalse();
    assertThat(p.store().findByRef("api:default/checkout-api")).isPresent();

    // the file changes: read and applied
    repos.commit(
        "team-payments",
        "checkout",
        Map.of("catalog-info.yaml", SERVICE.replace("[java]", "[go]")));
    assertThat(p.catalog().refresh(id).unchanged()).isFalse();
    assertThat(p.store().findByRef("component:default/checkout").orElseThrow().entity().body())
        .extracting(b -> ((Map<?, ?>) b.get("metadata")).get("tags"))
        .isEqualTo(List.of("go"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aGoneFileIsNotFetchedAtEveryScheduledTurn(TestDatabase db) throws Exception {
    CatalogGitRepos repos = new CatalogGitRepos(Files.createTempDirectory("catalog"));
    repos.commit("team-payments", "checkout", Map.of("catalog-info.yaml", SERVICE));
    Parts p = parts(db, repos);
    String id = registerAsAlice(p, repos, "team-payments", "checkout").location().id();
    Map<String, String> gone = new HashMap<>();
    gone.put("catalog-info.yaml", null);
    gone.put("README.md", "moved");
    repos.commit("team-payments", "checkout", gone);
    var missing = p.catalog().read(id, true).orElseThrow();
    assertThat(missing.missing()).isTrue();
    assertThat(missing.errors()).singleElement().asString().endsWith("does not exist");
    assertThat(p.store().findByRef("component:default/checkout").orElseThrow().orphan()).isTrue();

    // the file is back, but a scheduled turn does not fetch a file reported gone
    repos.commit("team-payments", "checkout", Map.of("catalog-info.yaml", SERVICE));
    assertThat(p.catalog().read(id, true).orElseThrow().missing()).isTrue();
    assertThat(p.store().findByRef("component:default/checkout").orElseThrow().orphan()).isTrue();

    // a refresh asked for fetches it: the entities are no longer orphans
    assertThat(p.catalog().read(id, false).orElseThrow().missing()).isFalse();
    assertThat(p.store().findByRef("component:default/checkout").orElseThrow().orphan()).isFalse();
    assertThat(p.catalog().read("no-such-location", true)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void textPlaceholdersAreReadFromTheSameRepositoryOnly(TestDatabase db) throws Exception {
    CatalogGitRepos repos = new CatalogGitRepos(Files.createTempDirectory("catalog"));
    String api =
        """
        apiVersion: backstage.io/v1alpha1
        kind: API
        metadata: {name: orders-api}
        spec: {type: openapi, lifecycle: production, owner: team-payments,
               definition: {$text: ./api/orders.yaml}}
        ---
        apiVersion: backstage.io/v1alpha1
        kind: API
        metadata: {name: sneaky-api}
        spec: {type: openapi, lifecycle: production, owner: team-payments,
               definition: {$text: ../../other/secret.yaml}}
        """;
    repos.commit(
        "team-payments",
        "orders",
        Map.of("catalog-info.yaml", api, "api/orders.yaml", "openapi: 3.0.0\n"));
    Parts p = parts(db, repos);
    String id = registerAsAlice(p, repos, "team-payments", "orders").location().id();

    assertThat(p.store().findByRef("api:default/orders-api").orElseThrow().entity().body())
        .extracting(b -> ((Map<?, ?>) b.get("spec")).get("definition"))
        .isEqualTo("openapi: 3.0.0\n");
    assertThat(p.store().findByRef("api:default/sneaky-api")).isEmpty();
    assertThat(p.locations().find(id).orElseThrow().errors())
        .singleElement()
        .asString()
        .contains("sneaky-api", "outside the location's repository");

    // the file it names changes on its own: read again, though catalog-info.yaml did not change
    repos.commit("team-payments", "orders", Map.of("api/orders.yaml", "openapi: 3.1.0\n"));
    p.catalog().refresh(id);
    assertThat(p.store().findByRef("api:default/orders-api").orElseThrow().entity().body())
        .extracting(b -> ((Map<?, ?>) b.get("spec")).get("definition"))
        .isEqualTo("openapi: 3.1.0\n");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aRefreshOfAnEntityReadsItsTopLevelLocationWhenNoWorkflowRuns(TestDatabase db)
      throws Exception {
    CatalogGitRepos repos = new CatalogGitRepos(Files.createTempDirectory("catalog"));
    repos.commit("platform", "org", Map.of("org.yaml", ORG, "people.yaml", PEOPLE));
    Parts p = parts(db, repos);
    p.catalog()
        .register("url", repos.url("platform", "org", "org.yaml"), false, "config", true, "c");
    repos.commit(
        "platform", "org", Map.of("people.yaml", PEOPLE.replace("[alice]", "[alice, bob]")));

    // the group comes from the child location people.yaml; its parent org.yaml is read, and it
    assertThat(p.catalog().refreshEntity("group:default/team-payments")).isTrue();

    assertThat(p.store().relationsOf("group:default/team-payments"))
        .contains(Map.of("type", "hasMember", "targetRef", "user:default/bob"));
    assertThat(p.catalog().refreshEntity("component:default/nobody")).isFalse();
  }
}
