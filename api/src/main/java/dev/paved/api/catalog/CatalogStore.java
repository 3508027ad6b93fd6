package dev.paved.api.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paved.api.Hashes;
import dev.paved.api.catalog.relations.Relation;
import dev.paved.api.catalog.relations.RelationDeriver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The catalog's entities and what is derived from them: each write replaces the entity's relations
 * (both directions of each) and search rows, and keeps a history row when the entity changed. Refs
 * are compared lower-cased, as Backstage compares them.
 */
@Repository
public class CatalogStore {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final String COLUMNS =
      "entity, entity_ref, uid, etag, service_key, run_id, location_id, orphaned_at, errors";

  static final int ANALYZE_EVERY = 2000;

  private final JdbcClient jdbc;
  private final RelationDeriver relations = new RelationDeriver();
  private final AtomicInteger changedSinceAnalyze = new AtomicInteger();
  private volatile Boolean postgres;

  CatalogStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  JdbcClient jdbc() {
    return jdbc;
  }

  /**
   * An entity as stored, and where it came from.
   *
   * @param locationId the location emitting it; null for entities registered before locations
   * @param errors the last processing errors, while the stored entity is the last good one
   */
  record Stored(
      Entity entity,
      String ref,
      String uid,
      String etag,
      String serviceKey,
      String runId,
      String locationId,
      boolean orphan,
      List<String> errors) {}

  /** Who wrote an entity: a location (and the run whose location it is), for the history. */
  record Provenance(String locationId, String serviceKey, String runId, String changedBy) {}

  Optional<Stored> find(String kind, String namespace, String name) {
    return findByRef(new EntityRef(kind, namespace, name).toString());
  }

  Optional<Stored> findByRef(String ref) {
    return jdbc.sql("select " + COLUMNS + " from catalog_entities where entity_ref = ?")
        .param(ref.toLowerCase(Locale.ROOT))
        .query(CatalogStore::stored)
        .optional();
  }

  Optional<Stored> findByUid(String uid) {
    return jdbc.sql("select " + COLUMNS + " from catalog_entities where uid = ?")
        .param(uid)
        .query(CatalogStore::stored)
        .optional();
  }

  List<Stored> findByRefs(List<String> refs) {
    if (refs.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select " + COLUMNS + " from catalog_entities where entity_ref in (:refs)")
        .param("refs", refs)
        .query(CatalogStore::stored)
        .list();
  }

  List<Stored> ofLocation(String locationId) {
    return jdbc.sql("select " + COLUMNS + " from catalog_entities where location_id = ?")
        .param(locationId)
        .query(CatalogStore::stored)
        .list();
  }

  /** A run's entity, as {@code catalog:register} wrote it before locations (and in tests). */
  void upsert(Entity entity, String serviceKey, String runId, Instant now) {
    write(entity, new Provenance(null, serviceKey, runId, "run:" + runId), now);
  }

  /**
   * Writes the entity with its relations and search rows; a history row when it changed. Clears its
   * errors and orphan mark. Returns whether anything changed.
   */
  boolean write(Entity entity, Provenance from, Instant now) {
    List<Relation> derived = relations.derive(entity);
    String ref = entity.ref();
    String body = write(entity.body());
    String hash = Hashes.sha256(body);
    // one read: whether it exists, its content hash, orphan mark, errors and uid
    Optional<Object[]> existing =
        jdbc.sql(
                "select content_hash, orphaned_at, errors, uid from catalog_entities"
                    + " where entity_ref = ?")
            .param(ref)
            .query(
                (rs, row) ->
                    new Object[] {
                      rs.getString(1), rs.getTimestamp(2), rs.getString(3), rs.getString(4)
                    })
            .optional();
    boolean changed =
        existing.isEmpty()
            || !hash.equals(existing.get()[0])
            || existing.get()[1] != null
            || existing.get()[2] != null;
    if (!changed) {
      return false;
    }
    String uid = existing.map(e -> (String) e[3]).orElse(null);
    uid = uid == null ? UUID.randomUUID().toString() : uid;
    String etag = Hashes.sha256(uid + hash).substring(0, 40);
    if (existing.isPresent()) {
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
              Timestamp.from(now),
              ref)
          .update();
    } else {
      jdbc.sql(
              "insert into catalog_entities (kind, namespace, name, entity_ref, owner, entity,"
                  + " service_key, run_id, location_id, uid, etag, content_hash, created_at,"
                  + " updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(
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
              Timestamp.from(now),
              Timestamp.from(now))
          .update();
    }
    index(ref, entity, derived);
    history(ref, existing.isEmpty() ? "created" : "updated", from.changedBy(), body, now);
    if (changedSinceAnalyze.incrementAndGet() % ANALYZE_EVERY == 0) {
      analyze();
    }
    return true;
  }

  /**
   * PostgreSQL plans the catalog's queries from its tables' statistics, and autovacuum may take
   * minutes to gather them after a large ingest: until then every estimate is one row and a
   * filtered page took 21 s instead of milliseconds (bench/README.md). So they are gathered here
   * every {@link #ANALYZE_EVERY} changed entities. H2 needs nothing of the kind.
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

  private void index(String ref, Entity entity, List<Relation> derived) {
    jdbc.sql("delete from catalog_relations where originating_ref = ?").param(ref).update();
    jdbc.sql("delete from catalog_search where entity_ref = ?").param(ref).update();
    List<Object[]> relationRows = new ArrayList<>();
    for (Relation relation : derived) {
      relationRows.add(
          new Object[] {
            ref, relation.source().toString(), relation.type(), relation.target().toString()
          });
    }
    insertRows(
        "catalog_relations (originating_ref, source_ref, type, target_ref)", 4, relationRows);
    List<Relation> outgoing =
        derived.stream().filter(r -> r.source().toString().equals(ref)).toList();
    List<Object[]> searchRows = new ArrayList<>();
    for (SearchKeys.Row row : SearchKeys.of(entity.body(), outgoing)) {
      searchRows.add(new Object[] {ref, row.key(), row.value(), row.originalValue()});
    }
    insertRows(
        "catalog_search (entity_ref, search_key, search_value, original_value)", 4, searchRows);
  }

  /**
   * Inserts the rows with one multi-row statement per {@value #ROWS_PER_INSERT} rows rather than
   * one statement (and one round trip) each: an entity has tens of search rows and relations.
   */
  private void insertRows(String into, int columns, List<Object[]> rows) {
    for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
      List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
      String one = "(" + String.join(", ", java.util.Collections.nCopies(columns, "?")) + ")";
      List<Object> params = new ArrayList<>(chunk.size() * columns);
      chunk.forEach(row -> params.addAll(java.util.Arrays.asList(row)));
      jdbc.sql(
              "insert into "
                  + into
                  + " values "
                  + String.join(", ", java.util.Collections.nCopies(chunk.size(), one)))
          .params(params)
          .update();
    }
  }

  private static final int ROWS_PER_INSERT = 200;

  /**
   * Relations other entities state about this one ({@code ownerOf} on the owner) are written by
   * them, so each entity's search rows are its own view: {@code relations.ownerOf} of a group is
   * read from the relations table, not from search rows.
   */
  List<Map<String, String>> relationsOf(String ref) {
    return jdbc.sql(
            "select distinct type, target_ref from catalog_relations where source_ref = ?"
                + " order by type, target_ref")
        .param(ref)
        .query((rs, row) -> Map.of("type", rs.getString(1), "targetRef", rs.getString(2)))
        .list();
  }

  /** Keeps the last good entity and records why its newest version was refused. */
  void recordErrors(String ref, List<String> errors) {
    jdbc.sql("update catalog_entities set errors = ? where entity_ref = ?")
        .params(errors.isEmpty() ? null : write(errors), ref)
        .update();
  }

  /** Marks the entity {@code backstage.io/orphan: 'true'}: its location no longer emits it. */
  void markOrphan(Stored stored, String changedBy, Instant now) {
    if (stored.orphan()) {
      return;
    }
    Map<String, Object> body = Entity.withAnnotation(stored.entity().body(), ORPHAN, "true");
    String json = write(body);
    jdbc.sql("update catalog_entities set entity = ?, orphaned_at = ? where entity_ref = ?")
        .params(json, Timestamp.from(now), stored.ref())
        .update();
    Entity orphan = new Entity(body);
    index(stored.ref(), orphan, relations.derive(orphan));
    history(stored.ref(), "orphaned", changedBy, json, now);
  }

  static final String ORPHAN = "backstage.io/orphan";

  /** Deletes the entity and what it stated; its history stays. */
  boolean delete(String ref, String changedBy, Instant now) {
    jdbc.sql("delete from catalog_relations where originating_ref = ?").param(ref).update();
    jdbc.sql("delete from catalog_search where entity_ref = ?").param(ref).update();
    int deleted = jdbc.sql("delete from catalog_entities where entity_ref = ?").param(ref).update();
    if (deleted > 0) {
      history(ref, "deleted", changedBy, null, now);
    }
    return deleted > 0;
  }

  int deleteFor(String serviceKey) {
    List<String> refs =
        jdbc.sql("select entity_ref from catalog_entities where service_key = ?")
            .param(serviceKey)
            .query(String.class)
            .list();
    refs.forEach(ref -> delete(ref, "service:" + serviceKey, Instant.now()));
    return refs.size();
  }

  /** Entities orphaned before {@code cutoff}. */
  List<String> orphanedBefore(Instant cutoff) {
    return jdbc.sql("select entity_ref from catalog_entities where orphaned_at < ?")
        .param(Timestamp.from(cutoff))
        .query(String.class)
        .list();
  }

  /** Entities registered before the catalog kept uids: indexed once, at start. */
  int indexUnindexed(Instant now) {
    jdbc.sql(
            "update catalog_entities set entity_ref = kind || ':' || namespace || '/' || name"
                + " where entity_ref is null")
        .update();
    List<Stored> legacy =
        jdbc.sql("select " + COLUMNS + " from catalog_entities where uid is null")
            .query(CatalogStore::stored)
            .list();
    for (Stored stored : legacy) {
      write(
          stored.entity(),
          new Provenance(stored.locationId(), stored.serviceKey(), stored.runId(), "migration"),
          now);
    }
    return legacy.size();
  }

  /** The entity's changes, oldest first. */
  List<Map<String, Object>> history(String ref) {
    return jdbc.sql(
            "select changed_at, changed_by, change from catalog_history where entity_ref = ?"
                + " order by id")
        .param(ref)
        .query(
            (rs, row) ->
                Map.<String, Object>of(
                    "at", rs.getTimestamp(1).toInstant().toString(),
                    "by", rs.getString(2),
                    "change", rs.getString(3)))
        .list();
  }

  /** Entities, optionally of one kind and one owner (an entity ref or a bare group name). */
  List<Entity> list(String kind, String owner) {
    StringBuilder sql = new StringBuilder("select entity from catalog_entities where 1 = 1");
    var params = new ArrayList<Object>();
    if (kind != null) {
      sql.append(" and kind = ?");
      params.add(lower(kind));
    }
    if (owner != null) {
      sql.append(" and (owner = ? or owner = ?)");
      params.add(owner);
      params.add(Entity.groupRef(owner));
    }
    sql.append(" order by kind, namespace, name");
    return jdbc.sql(sql.toString())
        .params(params)
        .query((rs, row) -> new Entity(read(rs.getString("entity"))))
        .list();
  }

  private void history(String ref, String change, String by, String body, Instant now) {
    jdbc.sql(
            "insert into catalog_history (entity_ref, changed_at, changed_by, change, entity)"
                + " values (?, ?, ?, ?, ?)")
        .params(ref, Timestamp.from(now), by, change, body)
        .update();
  }

  private static Stored stored(ResultSet rs, int row) throws SQLException {
    String errors = rs.getString("errors");
    return new Stored(
        new Entity(read(rs.getString("entity"))),
        rs.getString("entity_ref"),
        rs.getString("uid"),
        rs.getString("etag"),
        rs.getString("service_key"),
        rs.getString("run_id"),
        rs.getString("location_id"),
        rs.getTimestamp("orphaned_at") != null,
        errors == null ? List.of() : readList(errors));
  }

  private static String lower(String value) {
    return value.toLowerCase(Locale.ROOT);
  }

  static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, Object> read(String json) {
    try {
      return JSON.readValue(json, new TypeReference<>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> readList(String json) {
    try {
      return JSON.readValue(json, new TypeReference<>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
