package dev.paved.api.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The catalog's entities and what is derived from them: reads here, writes through {@link
 * EntityWrites} (each replaces the entity's relations and search rows and keeps a history row).
 * Refs are compared lower-cased, as Backstage compares them.
 */
@Repository
public class CatalogStore {

  private static final String COLUMNS =
      "entity, entity_ref, uid, etag, service_key, run_id, location_id, orphaned_at, errors";

  private final JdbcClient jdbc;
  private final CatalogGeneration generation;
  private final EntityWrites writes;

  CatalogStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.generation = new CatalogGeneration(jdbc);
    this.writes = new EntityWrites(jdbc, generation);
  }

  CatalogGeneration generation() {
    return generation;
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
    return !writes.writeAll(List.of(entity), from, now).isEmpty();
  }

  /** As {@link #write} for many entities of one provenance at once; the refs that changed. */
  Set<String> writeAll(List<Entity> entities, Provenance from, Instant now) {
    return writes.writeAll(entities, from, now);
  }

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

  /** Each entity's relations, in one read (the API's pages answer many entities). */
  Map<String, List<Map<String, String>>> relationsOf(Collection<String> refs) {
    Map<String, List<Map<String, String>>> found = new HashMap<>();
    refs.forEach(ref -> found.put(ref, new ArrayList<>()));
    if (refs.isEmpty()) {
      return found;
    }
    List<String> all = List.copyOf(refs);
    for (int from = 0; from < all.size(); from += 1000) {
      jdbc.sql(
              "select distinct source_ref, type, target_ref from catalog_relations"
                  + " where source_ref in (:refs) order by source_ref, type, target_ref")
          .param("refs", all.subList(from, Math.min(all.size(), from + 1000)))
          .query(
              rs -> {
                found
                    .computeIfAbsent(rs.getString(1), r -> new ArrayList<>())
                    .add(Map.of("type", rs.getString(2), "targetRef", rs.getString(3)));
              });
    }
    return found;
  }

  /** Keeps the last good entity and records why its newest version was refused. */
  void recordErrors(String ref, List<String> errors) {
    writes.recordErrors(ref, errors);
  }

  /** Marks the entity {@code backstage.io/orphan: 'true'}: its location no longer emits it. */
  void markOrphan(Stored stored, String changedBy, Instant now) {
    writes.markOrphans(List.of(stored), changedBy, now);
  }

  /** As {@link #markOrphan} for several entities at once. */
  void markOrphans(List<Stored> stored, String changedBy, Instant now) {
    writes.markOrphans(stored, changedBy, now);
  }

  static final String ORPHAN = "backstage.io/orphan";

  /** Deletes the entity and what it stated; its history stays. */
  boolean delete(String ref, String changedBy, Instant now) {
    return writes.delete(ref, changedBy, now);
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
        .query((rs, row) -> new Entity(CatalogJson.read(rs.getString("entity"))))
        .list();
  }

  private static Stored stored(ResultSet rs, int row) throws SQLException {
    String errors = rs.getString("errors");
    return new Stored(
        new Entity(CatalogJson.read(rs.getString("entity"))),
        rs.getString("entity_ref"),
        rs.getString("uid"),
        rs.getString("etag"),
        rs.getString("service_key"),
        rs.getString("run_id"),
        rs.getString("location_id"),
        rs.getTimestamp("orphaned_at") != null,
        errors == null ? List.of() : CatalogJson.readList(errors));
  }

  private static String lower(String value) {
    return value.toLowerCase(Locale.ROOT);
  }
}
