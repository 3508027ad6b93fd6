package dev.paved.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.api.TestDatabases;
import dev.paved.api.TestDatabases.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pages walked in an index's order from Java answer exactly what the database's sort answers, page
 * after page by cursor position; totals and facets follow every write (the catalog's generation).
 */
class EntityQueriesTest {

  private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");
  private static final CatalogStore.Provenance FROM =
      new CatalogStore.Provenance("loc-1", null, null, "location:loc-1");

  static Stream<TestDatabase> databases() {
    return TestDatabases.all();
  }

  private static Entity entity(String kind, String name, String title, Map<String, Object> spec) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", name);
    metadata.put("tags", List.of(name.length() % 2 == 0 ? "java" : "go"));
    if (title != null) {
      metadata.put("title", title);
    }
    return Entity.parse(
        Map.of(
            "apiVersion",
            "backstage.io/v1alpha1",
            "kind",
            kind,
            "metadata",
            metadata,
            "spec",
            spec));
  }

  /** 60 entities: components of three lifecycles and two owners, APIs, a few with titles. */
  private static List<Entity> catalog() {
    List<Entity> entities = new ArrayList<>();
    String[] lifecycles = {"production", "experimental", "deprecated"};
    for (int i = 0; i < 45; i++) {
      entities.add(
          entity(
              "Component",
              "svc-" + (char) ('a' + i % 26) + i,
              i % 4 == 0 ? "Service " + (45 - i) : null,
              Map.of(
                  "type", i % 3 == 0 ? "website" : "service",
                  "lifecycle", lifecycles[i % 3],
                  "owner", i % 2 == 0 ? "team-a" : "team-b")));
    }
    for (int i = 0; i < 15; i++) {
      entities.add(
          entity(
              "API",
              "api-" + i,
              null,
              Map.of(
                  "type",
                  "openapi",
                  "lifecycle",
                  "production",
                  "owner",
                  "team-a",
                  "definition",
                  "x")));
    }
    return entities;
  }

  private static List<EntityQueries.Query> queries() {
    return List.of(
        new EntityQueries.Query(
            List.of("kind=component,spec.lifecycle=production"),
            "metadata.name",
            false,
            null,
            List.of(),
            4,
            0),
        new EntityQueries.Query(
            List.of("kind=component"), "metadata.name", true, null, List.of(), 7, 0),
        new EntityQueries.Query(List.of(), "metadata.title", false, null, List.of(), 9, 0),
        new EntityQueries.Query(
            List.of("kind=component"), "metadata.title", true, null, List.of(), 5, 0),
        new EntityQueries.Query(
            List.of("relations.ownedBy=group:default/team-b", "kind=api"),
            "spec.type",
            false,
            null,
            List.of(),
            6,
            0),
        new EntityQueries.Query(List.of("spec.lifecycle"), null, false, "svc-b", List.of(), 3, 0),
        new EntityQueries.Query(
            List.of("metadata.tags=go"),
            "spec.lifecycle",
            true,
            "1",
            List.of("metadata.name"),
            8,
            0),
        new EntityQueries.Query(List.of(), null, false, null, List.of(), 11, 0));
  }

  /** Every page of the query, each next page from where the last one ended. */
  private static List<String> allPages(EntityQueries queries, EntityQueries.Query first) {
    List<String> refs = new ArrayList<>();
    EntityQueries.Query query = first;
    for (int pages = 0; pages < 100; pages++) {
      EntityQueries.Page page = queries.query(query);
      page.items().forEach(s -> refs.add(s.ref()));
      if (page.next() == null) {
        return refs;
      }
      query = QueryCursor.decode(QueryCursor.encode(query, page.next(), page.last()));
    }
    throw new AssertionError("more than 100 pages");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void walkedPagesAnswerWhatTheDatabasesSortAnswers(TestDatabase db) {
    JdbcClient jdbc = JdbcClient.create(db.dataSource());
    CatalogStore store = new CatalogStore(jdbc);
    store.writeAll(catalog(), FROM, T0);
    EntityQueries walked = new EntityQueries(jdbc, store, -1);
    EntityQueries sorted = new EntityQueries(jdbc, store, Integer.MAX_VALUE);
    for (EntityQueries.Query query : queries()) {
      List<String> expected = allPages(sorted, query);
      assertThat(expected).as("%s", query).isNotEmpty();
      assertThat(allPages(walked, query)).as("%s", query).isEqualTo(expected);
      assertThat(walked.query(query).total()).isEqualTo(expected.size());
    }
    // entities without the order field come last, by ref, in both directions
    List<String> byTitle = allPages(walked, queries().get(2));
    assertThat(byTitle.subList(byTitle.size() - 3, byTitle.size())).isSorted();
    // an offset without a position (a previous page) skips as many matches
    EntityQueries.Query second =
        new EntityQueries.Query(
            List.of("kind=component"), "metadata.name", true, null, List.of(), 7, 7);
    assertThat(walked.query(second).items().stream().map(CatalogStore.Stored::ref).toList())
        .isEqualTo(allPages(sorted, queries().get(1)).subList(7, 14));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void totalsAndFacetsFollowEveryWrite(TestDatabase db) {
    JdbcClient jdbc = JdbcClient.create(db.dataSource());
    CatalogStore store = new CatalogStore(jdbc);
    EntityQueries queries = new EntityQueries(jdbc, store);
    store.writeAll(catalog(), FROM, T0);
    EntityQueries.Query production =
        new EntityQueries.Query(
            List.of("spec.lifecycle=production"), null, false, null, List.of(), 5, 0);
    int before = queries.query(production).total();
    int facetBefore = productionFacet(queries);
    assertThat(facetBefore).isEqualTo(before);

    store.write(
        entity(
            "Component",
            "new-one",
            null,
            Map.of("type", "service", "lifecycle", "production", "owner", "team-a")),
        FROM,
        T0);
    assertThat(queries.query(production).total()).isEqualTo(before + 1);
    assertThat(productionFacet(queries)).isEqualTo(before + 1);

    store.delete("component:default/new-one", "test", T0);
    assertThat(queries.query(production).total()).isEqualTo(before);

    // in a transaction the generation is raised once, as it commits; not at all when it rolls back
    TransactionTemplate tx =
        new TransactionTemplate(new DataSourceTransactionManager(db.dataSource()));
    long generation = store.generation().current();
    tx.executeWithoutResult(
        status -> {
          store.write(
              entity("Component", "in-tx-1", null, Map.of("lifecycle", "production")), FROM, T0);
          store.write(
              entity("Component", "in-tx-2", null, Map.of("lifecycle", "production")), FROM, T0);
        });
    assertThat(store.generation().current()).isEqualTo(generation + 1);
    assertThat(queries.query(production).total()).isEqualTo(before + 2);
    tx.executeWithoutResult(
        status -> {
          store.write(
              entity("Component", "rolled-back", null, Map.of("lifecycle", "production")),
              FROM,
              T0);
          status.setRollbackOnly();
        });
    assertThat(store.generation().current()).isEqualTo(generation + 1);
    assertThat(queries.query(production).total()).isEqualTo(before + 2);
  }

  /**
   * Several facets under a filter of two alternatives give for each value what a query for the
   * filter and that value counts; a facet named in another case is the same key, answered under the
   * name asked.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void facetsUnderAFilterCountWhatTheQueriesCount(TestDatabase db) {
    JdbcClient jdbc = JdbcClient.create(db.dataSource());
    CatalogStore store = new CatalogStore(jdbc);
    EntityQueries queries = new EntityQueries(jdbc, store);
    store.writeAll(catalog(), FROM, T0);
    // no alternative names a facet's key, so adding "key=value" to each narrows it to that value
    List<String> filter =
        List.of(
            "kind=component,spec.owner=team-a",
            "kind=api,metadata.name=api-1,metadata.name=api-12");
    Map<String, List<Map<String, Object>>> facets =
        queries.facets(List.of("spec.type", "Spec.Lifecycle", "metadata.tags"), filter);

    assertThat(facets).containsOnlyKeys("spec.type", "Spec.Lifecycle", "metadata.tags");
    facets.forEach(
        (facet, values) -> {
          assertThat(values).hasSizeGreaterThan(1);
          assertThat(values.stream().map(v -> (String) v.get("value")).toList()).isSorted();
          for (Map<String, Object> value : values) {
            List<String> withValue =
                filter.stream().map(f -> f + "," + facet + "=" + value.get("value")).toList();
            int total =
                queries
                    .query(new EntityQueries.Query(withValue, null, false, null, List.of(), 1, 0))
                    .total();
            assertThat(value.get("count")).as(facet + "=" + value.get("value")).isEqualTo(total);
          }
        });
    assertThat(queries.facets(List.of("spec.lifecycle"), filter).get("spec.lifecycle"))
        .isEqualTo(facets.get("Spec.Lifecycle"));
  }

  private static int productionFacet(EntityQueries queries) {
    return queries.facets(List.of("spec.lifecycle"), List.of()).get("spec.lifecycle").stream()
        .filter(f -> "production".equals(f.get("value")))
        .mapToInt(f -> (Integer) f.get("count"))
        .sum();
  }
}
