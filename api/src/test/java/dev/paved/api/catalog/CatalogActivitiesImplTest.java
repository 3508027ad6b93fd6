package dev.paved.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paved.api.TestDatabases;
import dev.paved.api.TestDatabases.TestDatabase;
import dev.paved.workflows.steps.ActionRequest;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** catalog:register and its undo, on every database Paved supports. */
class CatalogActivitiesImplTest {

  private static final String REPO = "file:///data/git/team-payments/checkout.git/blob/main";
  private static final String ENTITY =
      """
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata:
        name: checkout
      spec:
        type: service
        owner: team-payments
        lifecycle: experimental
      ---
      apiVersion: backstage.io/v1alpha1
      kind: API
      metadata:
        name: checkout-api
        namespace: payments
      spec:
        type: openapi
        lifecycle: experimental
        owner: group:default/team-payments
        definition: "openapi: 3.0.0"
      """;

  private final Map<String, String> files = new HashMap<>();

  static Stream<TestDatabase> databases() {
    return TestDatabases.all();
  }

  private CatalogActivitiesImpl activities(CatalogStore store) {
    CatalogSource source = (repo, path) -> Optional.ofNullable(files.get(repo + "/" + path));
    Clock clock = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);
    CatalogLocations locations = new CatalogLocations(store.jdbc());
    CatalogIngestion ingestion =
        new CatalogIngestion(
            store, locations, List.of(new UrlEntityProvider(source)), new EntityValidator(), clock);
    return new CatalogActivitiesImpl(
        store, locations, ingestion, source, clock, LocationWorkflows.NONE);
  }

  private static ActionRequest request(String serviceKey, Map<String, Object> input) {
    return new ActionRequest(
        "r-1", serviceKey, "register", "catalog:register", input, "/t", "alice");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void registersEveryEntityOfTheFileMarkedWithTheService(TestDatabase db) {
    CatalogStore store = new CatalogStore(JdbcClient.create(db.dataSource()));
    files.put(REPO + "/catalog-info.yaml", ENTITY);

    var result =
        activities(store)
            .catalogRegister(request("team-payments/checkout", Map.of("repoContentsUrl", REPO)));

    assertThat(result.output()).containsEntry("entityRef", "component:default/checkout");
    assertThat(store.find("Component", "default", "CHECKOUT")).isPresent();
    assertThat(store.find("api", "payments", "checkout-api").orElseThrow().serviceKey())
        .isEqualTo("team-payments/checkout");
    assertThat(store.list("component", "team-payments")).hasSize(1);
    assertThat(store.list(null, "group:default/team-payments")).hasSize(2);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void adoptsItsOwnEntityAndRefusesAnotherServices(TestDatabase db) {
    CatalogStore store = new CatalogStore(JdbcClient.create(db.dataSource()));
    files.put(REPO + "/catalog-info.yaml", ENTITY);
    Map<String, Object> input = Map.of("repoContentsUrl", REPO);
    activities(store).catalogRegister(request("team-payments/checkout", input));
    activities(store).catalogRegister(request("team-payments/checkout", input));

    assertThatThrownBy(
            () -> activities(store).catalogRegister(request("team-search/checkout", input)))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.getType()).isEqualTo("Conflict");
              assertThat(f.isNonRetryable()).isTrue();
              assertThat(f.getOriginalMessage()).contains("component:default/checkout");
            });
    assertThat(store.find("component", "default", "checkout").orElseThrow().serviceKey())
        .isEqualTo("team-payments/checkout");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void undoRemovesOnlyThisServicesEntities(TestDatabase db) {
    CatalogStore store = new CatalogStore(JdbcClient.create(db.dataSource()));
    files.put(REPO + "/catalog-info.yaml", ENTITY);
    files.put(
        "file:///other/blob/main/catalog-info.yaml",
        "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: search}\n"
            + "spec: {owner: team-search, type: service, lifecycle: production}\n");
    activities(store)
        .catalogRegister(request("team-payments/checkout", Map.of("repoContentsUrl", REPO)));
    activities(store)
        .catalogRegister(
            request(
                "team-search/search",
                Map.of("catalogInfoUrl", "file:///other/blob/main/catalog-info.yaml")));

    activities(store).undoCatalogRegister(request("team-payments/checkout", Map.of()));

    assertThat(store.list(null, null)).extracting(Entity::name).containsExactly("search");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void refusesMissingFilesAndEntitiesBackstageWouldRefuse(TestDatabase db) {
    CatalogStore store = new CatalogStore(JdbcClient.create(db.dataSource()));
    files.put(
        REPO + "/bad.yaml",
        "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: 'no spaces allowed'}\n");
    CatalogActivitiesImpl catalog = activities(store);

    assertThatThrownBy(() -> catalog.catalogRegister(request("k", Map.of("repoContentsUrl", REPO))))
        .hasMessageContaining("no file 'catalog-info.yaml'");
    assertThatThrownBy(
            () ->
                catalog.catalogRegister(
                    request("k", Map.of("repoContentsUrl", REPO, "catalogInfoPath", "/bad.yaml"))))
        .hasMessageContaining("metadata.name");
    assertThatThrownBy(() -> catalog.catalogRegister(request("k", Map.of())))
        .hasMessageContaining("repoContentsUrl");
    assertThat(store.list(null, null)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aRunRegistersOnlyItsTeamsEntitiesAndNoPeople(TestDatabase db) {
    CatalogStore store = new CatalogStore(JdbcClient.create(db.dataSource()));
    files.put(
        REPO + "/catalog-info.yaml",
        """
        apiVersion: backstage.io/v1alpha1
        kind: Group
        metadata: {name: platform}
        spec: {type: team, children: [], members: [alice]}
        """);
    files.put(
        REPO + "/other.yaml",
        """
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata: {name: ledger}
        spec: {type: service, lifecycle: production, owner: team-search}
        """);

    assertThatThrownBy(
            () ->
                activities(store)
                    .catalogRegister(
                        request("team-payments/checkout", Map.of("repoContentsUrl", REPO))))
        .hasMessageContaining("Group entities come only from locations the platform configures");
    assertThatThrownBy(
            () ->
                activities(store)
                    .catalogRegister(
                        request(
                            "team-payments/ledger",
                            Map.of("repoContentsUrl", REPO, "catalogInfoPath", "other.yaml"))))
        .hasMessageContaining("may register only entities owned by team-payments");
    assertThat(store.list(null, null)).isEmpty();
  }
}
