package dev.paved.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.api.TestDatabases;
import dev.paved.api.TestDatabases.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Entities with uid, etag, relations, search rows and history, on every database Paved supports.
 */
class CatalogStoreTest {

  private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
  private static final CatalogStore.Provenance FROM =
      new CatalogStore.Provenance("loc-1", null, null, "location:loc-1");

  static Stream<TestDatabase> databases() {
    return TestDatabases.all();
  }

  static Entity component(String name, Map<String, Object> spec) {
    return Entity.parse(
        Map.of(
            "apiVersion",
            "backstage.io/v1alpha1",
            "kind",
            "Component",
            "metadata",
            Map.of("name", name, "tags", List.of("Java")),
            "spec",
            spec));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void keepsUidAcrossChangesAndTheHistoryOfEach(TestDatabase db) {
    JdbcClient jdbc = JdbcClient.create(db.dataSource());
    CatalogStore store = new CatalogStore(jdbc);
    Map<String, Object> spec =
        Map.of("type", "service", "owner", "team-a", "lifecycle", "production");

    assertThat(store.write(component("checkout", spec), FROM, T0)).isTrue();
    var first = store.findByRef("component:default/checkout").orElseThrow();
    assertThat(store.write(component("checkout", spec), FROM, T0)).isFalse();
    store.write(component("checkout", Map.of("type", "website", "owner", "team-a")), FROM, T0);
    var second = store.findByUid(first.uid()).orElseThrow();

    assertThat(second.etag()).isNotEqualTo(first.etag());
    assertThat(second.locationId()).isEqualTo("loc-1");
    assertThat(store.history("component:default/checkout"))
        .extracting(h -> h.get("change"))
        .containsExactly("created", "updated");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void relationsInBothDirectionsAndSearchRows(TestDatabase db) {
    JdbcClient jdbc = JdbcClient.create(db.dataSource());
    CatalogStore store = new CatalogStore(jdbc);
    store.write(
        component("checkout", Map.of("type", "service", "owner", "Team-A", "system", "shop")),
        FROM,
        T0);

    assertThat(store.relationsOf("component:default/checkout"))
        .containsExactly(
            Map.of("type", "ownedBy", "targetRef", "group:default/team-a"),
            Map.of("type", "partOf", "targetRef", "system:default/shop"));
    assertThat(store.relationsOf("group:default/team-a"))
        .containsExactly(Map.of("type", "ownerOf", "targetRef", "component:default/checkout"));
    List<String> keys =
        jdbc.sql(
                "select search_key || '=' || search_value from catalog_search"
                    + " where entity_ref = 'component:default/checkout'")
            .query(String.class)
            .list();
    assertThat(keys)
        .contains(
            "kind=component",
            "spec.owner=team-a",
            "metadata.tags=java",
            "metadata.tags.java=true",
            "relations.ownedby=group:default/team-a");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void orphansKeepTheirEntityMarkedAndDeletionRemovesWhatTheyStated(TestDatabase db) {
    CatalogStore store = new CatalogStore(JdbcClient.create(db.dataSource()));
    store.write(component("old", Map.of("type", "service", "owner", "team-a")), FROM, T0);
    var stored = store.findByRef("component:default/old").orElseThrow();

    store.markOrphan(stored, "location:loc-1", T0);
    var orphan = store.findByRef("component:default/old").orElseThrow();
    assertThat(orphan.orphan()).isTrue();
    assertThat(orphan.entity().body().toString()).contains("backstage.io/orphan=true");
    assertThat(store.orphanedBefore(T0.plusSeconds(1))).containsExactly("component:default/old");

    assertThat(store.delete("component:default/old", "user:pat", T0)).isTrue();
    assertThat(store.relationsOf("group:default/team-a")).isEmpty();
    assertThat(store.history("component:default/old"))
        .extracting(h -> h.get("change"))
        .containsExactly("created", "orphaned", "deleted");
  }
}
