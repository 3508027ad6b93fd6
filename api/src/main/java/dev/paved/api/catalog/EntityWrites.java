package dev.paved.api.catalog;

import dev.paved.api.Hashes;
import dev.paved.api.catalog.CatalogStore.Provenance;
import dev.paved.api.catalog.CatalogStore.Stored;
import dev.paved.api.catalog.relations.Relation;
import dev.paved.api.catalog.relations.RelationDeriver;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The catalog's writes: each written entity replaces its relations (both directions of each) and
 * search rows, and keeps a history row when it changed. A location's entities are written together
 * with a few statements for all of them (one read of what is stored, multi-row inserts), not a
 * round trip per entity, search row or relation. Every write raises the {@link CatalogGeneration}.
 */
final class EntityWrites {

  static final int ANALYZE_EVERY = 2000;
  private static final int ROWS_PER_INSERT = 500;
  private static final String ENTITY_COLUMNS =
      "catalog_entities (kind, namespace, name, entity_ref, owner, entity, service_key, run_id,"
          + " location_id, uid, etag, content_hash, created_at, updated_at)";

  private final JdbcClient jdbc;
  private final CatalogGeneration generation;
  private final RelationDeriver relations = new RelationDeriver();
  private final AtomicInteger changedSinceAnalyze = new AtomicInteger();
  private volatile Boolean postgres;

  EntityWrites(JdbcClient jdbc, CatalogGeneration generation) {
    this.jdbc = jdbc;
    this.generation = generation;
  }

  /** What is stored of an entity, as far as a write needs to know whether it changes it. */
  private record Before(String hash, boolean orphan, boolean errors, String uid) {}

  /**
   * Writes the entities (of one provenance) with their relations and search rows, and a history row
   * for each that changed; clears their errors and orphan marks. Returns the refs that changed.
   */
  Set<String> writeAll(List<Entity> entities, Provenance from, Instant now) {
    Map<String, Entity> byRef = new LinkedHashMap<>();
    entities.forEach(e -> byRef.put(e.ref(), e));
    if (byRef.isEmpty()) {
      return Set.of();
    }
    Map<String, Before> before = before(List.copyOf(byRef.keySet()));
    Timestamp at = Timestamp.from(now);
    List<Object[]> inserts = new ArrayList<>();
    List<Object[]> history = new ArrayList<>();
    List<Entity> changed = new ArrayList<>();
    for (Entity entity : byRef.values()) {
      String ref = entity.ref();
      String body = CatalogJson.write(entity.body());
      String hash = Hashes.sha256(body);
      Before stored = before.get(ref);
      if (stored != null && hash.equals(stored.hash()) && !stored.orphan() && !stored.errors()) {
        continue;
      }
      String uid =
          stored == null || stored.uid() == null ? UUID.randomUUID().toString() : stored.uid();
      String etag = Hashes.sha256(uid + hash).substring(0, 40);
      if (stored != null) {
        jdbc.sql(
                "update catalog_entities set entity = ?, owner = ?, service_key = ?, run_id = ?,"
                    + " location_id = ?, uid = ?, etag = ?, content_hash = ?, orphaned_at = null,"
                    + " errors = null, updated_at = ? where entity_ref = ?")
            .params(
                body,
                entity.owner(),
                from.serviceKey(),
                from.runId(),
                from.locationId(),
                uid,
                etag,
                hash,
                at,
                ref)
            .update();
      } else {
        inserts.add(
            new Object[] {
              lower(entity.kind()),
              lower(entity.namespace()),
              lower(entity.name()),
              ref,
              entity.owner(),
              body,
              from.serviceKey(),
              from.runId(),
              from.locationId(),
              uid,
              etag,
              hash,
              at,
              at
            });
      }
      history.add(
          new Object[] {ref, at, from.changedBy(), stored == null ? "created" : "updated", body});
      changed.add(entity);
    }
    if (changed.isEmpty()) {
      return Set.of();
    }
    insertRows(ENTITY_COLUMNS, 14, inserts);
    index(changed);
    insertRows("catalog_history (entity_ref, changed_at, changed_by, change, entity)", 5, history);
    generation.raise();
    int count = changedSinceAnalyze.addAndGet(changed.size());
    if (count / ANALYZE_EVERY != (count - changed.size()) / ANALYZE_EVERY) {
      analyze();
    }
    Set<String> refs = new LinkedHashSet<>();
    changed.forEach(e -> refs.add(e.ref()));
    return refs;
  }

  private Map<String, Before> before(List<String> refs) {
    Map<String, Before> found = new HashMap<>();
    for (List<String> chunk : chunks(refs)) {
      jdbc.sql(
              "select entity_ref, content_hash, orphaned_at, errors, uid from catalog_entities"
                  + " where entity_ref in (:refs)")
          .param("refs", chunk)
          .query(
              rs -> {
                found.put(
                    rs.getString(1),
                    new Before(
                        rs.getString(2),
                        rs.getTimestamp(3) != null,
                        rs.getString(4) != null,
                        rs.getString(5)));
              });
    }
    return found;
  }

  /** Keeps the last good entity and records why its newest version was refused. */
  void recordErrors(String ref, List<String> errors) {
    // status only: no count or facet changes, so the generation stays
    jdbc.sql("update catalog_entities set errors = ? where entity_ref = ?")
        .params(errors.isEmpty() ? null : CatalogJson.write(errors), ref)
        .update();
  }

  /**
   * Marks the entities {@code backstage.io/orphan: 'true'} (their location no longer emits them):
   * an update each, their relations and search rows and history written together.
   */
  void markOrphans(List<Stored> stored, String changedBy, Instant now) {
    List<Entity> marked = new ArrayList<>();
    List<Object[]> history = new ArrayList<>();
    Timestamp at = Timestamp.from(now);
    for (Stored s : stored) {
      if (s.orphan()) {
        continue;
      }
      Map<String, Object> body =
          Entity.withAnnotation(s.entity().body(), CatalogStore.ORPHAN, "true");
      String json = CatalogJson.write(body);
      jdbc.sql("update catalog_entities set entity = ?, orphaned_at = ? where entity_ref = ?")
          .params(json, at, s.ref())
          .update();
      marked.add(new Entity(body));
      history.add(new Object[] {s.ref(), at, changedBy, "orphaned", json});
    }
    if (marked.isEmpty()) {
      return;
    }
    index(marked);
    insertRows("catalog_history (entity_ref, changed_at, changed_by, change, entity)", 5, history);
    generation.raise();
  }

  /** Deletes the entity and what it stated; its history stays. */
  boolean delete(String ref, String changedBy, Instant now) {
    jdbc.sql("delete from catalog_relations where originating_ref = ?").param(ref).update();
    jdbc.sql("delete from catalog_search where entity_ref = ?").param(ref).update();
    int deleted = jdbc.sql("delete from catalog_entities where entity_ref = ?").param(ref).update();
    if (deleted > 0) {
      jdbc.sql(
              "insert into catalog_history (entity_ref, changed_at, changed_by, change, entity)"
                  + " values (?, ?, ?, ?, ?)")
          .params(ref, Timestamp.from(now), changedBy, "deleted", null)
          .update();
    }
    generation.raise();
    return deleted > 0;
  }

  /** Replaces the entities' relations and search rows: two deletes and multi-row inserts. */
  private void index(List<Entity> entities) {
    List<String> refs = entities.stream().map(Entity::ref).toList();
    for (List<String> chunk : chunks(refs)) {
      jdbc.sql("delete from catalog_relations where originating_ref in (:refs)")
          .param("refs", chunk)
          .update();
      jdbc.sql("delete from catalog_search where entity_ref in (:refs)")
          .param("refs", chunk)
          .update();
    }
    List<Object[]> relationRows = new ArrayList<>();
    List<Object[]> searchRows = new ArrayList<>();
    for (Entity entity : entities) {
      String ref = entity.ref();
      List<Relation> derived = relations.derive(entity);
      for (Relation relation : derived) {
        relationRows.add(
            new Object[] {
              ref, relation.source().toString(), relation.type(), relation.target().toString()
            });
      }
      List<Relation> outgoing =
          derived.stream().filter(r -> r.source().toString().equals(ref)).toList();
      for (SearchKeys.Row row : SearchKeys.of(entity.body(), outgoing)) {
        searchRows.add(new Object[] {ref, row.key(), row.value(), row.originalValue()});
      }
    }
    insertRows(
        "catalog_relations (originating_ref, source_ref, type, target_ref)", 4, relationRows);
    insertRows(
        "catalog_search (entity_ref, search_key, search_value, original_value)", 4, searchRows);
  }

  /** One multi-row statement per {@value #ROWS_PER_INSERT} rows, not a round trip per row. */
  private void insertRows(String into, int columns, List<Object[]> rows) {
    String one = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
    for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
      List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
      List<Object> params = new ArrayList<>(chunk.size() * columns);
      chunk.forEach(row -> params.addAll(Arrays.asList(row)));
      jdbc.sql(
              "insert into "
                  + into
                  + " values "
                  + String.join(", ", Collections.nCopies(chunk.size(), one)))
          .params(params)
          .update();
    }
  }

  private static List<List<String>> chunks(List<String> refs) {
    List<List<String>> chunks = new ArrayList<>();
    for (int from = 0; from < refs.size(); from += ROWS_PER_INSERT) {
      chunks.add(refs.subList(from, Math.min(refs.size(), from + ROWS_PER_INSERT)));
    }
    return chunks;
  }

  /**
   * PostgreSQL plans the catalog's counts and facets from its tables' statistics, and autovacuum
   * may take minutes to gather them after a large ingest: until then every estimate is one row and
   * a count took seconds (bench/README.md). So they are gathered here every {@link #ANALYZE_EVERY}
   * changed entities. H2 needs nothing of the kind.
   */
  private void analyze() {
    if (postgres == null) {
      postgres =
          jdbc.sql("select 1")
              .query(
                  (rs, row) ->
                      rs.getStatement()
                          .getConnection()
                          .getMetaData()
                          .getDatabaseProductName()
                          .toLowerCase(Locale.ROOT)
                          .contains("postgres"))
              .single();
    }
    if (postgres) {
      jdbc.sql("analyze catalog_entities, catalog_search, catalog_relations").update();
    }
  }

  private static String lower(String value) {
    return value.toLowerCase(Locale.ROOT);
  }
}
