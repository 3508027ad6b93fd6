package dev.paved.api.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code catalog_locations} table: where the catalog reads entities from. */
@Repository
class CatalogLocations {

  /**
   * A location.
   *
   * @param origin config, api, run, or entity (named by a Location entity of {@code parentId})
   * @param trusted may emit Group, User and Location entities (configured, or the platform team's)
   * @param missing its file was gone at the last refresh (reported once, not read at every turn)
   * @param readVersion the commit id or ETag of the file's last read without errors, or null
   */
  record Location(
      String id,
      String type,
      String target,
      String origin,
      boolean trusted,
      String serviceKey,
      String parentId,
      String createdBy,
      boolean missing,
      String contentHash,
      List<String> errors,
      String readVersion) {

    /** Backstage's {@code type:target} form, as in {@code backstage.io/managed-by-location}. */
    String ref() {
      return type + ":" + target;
    }
  }

  private final JdbcClient jdbc;

  CatalogLocations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Location> find(String id) {
    return jdbc.sql("select * from catalog_locations where id = ?")
        .param(id)
        .query(CatalogLocations::location)
        .optional();
  }

  Optional<Location> find(String type, String target) {
    return jdbc.sql("select * from catalog_locations where type = ? and target = ?")
        .params(type, target)
        .query(CatalogLocations::location)
        .optional();
  }

  List<Location> all() {
    return jdbc.sql("select * from catalog_locations order by created_at, id")
        .query(CatalogLocations::location)
        .list();
  }

  List<Location> children(String parentId) {
    return jdbc.sql("select * from catalog_locations where parent_id = ?")
        .param(parentId)
        .query(CatalogLocations::location)
        .list();
  }

  Location add(
      String type,
      String target,
      String origin,
      boolean trusted,
      String serviceKey,
      String parentId,
      String createdBy,
      Instant now) {
    String id = UUID.randomUUID().toString();
    jdbc.sql(
            "insert into catalog_locations (id, type, target, origin, trusted, service_key,"
                + " parent_id, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            id, type, target, origin, trusted, serviceKey, parentId, createdBy, Timestamp.from(now))
        .update();
    return find(id).orElseThrow();
  }

  /**
   * Records a read: its content hash, whether the file was gone, its errors, and the version it was
   * read at (kept only for a read without errors, so a broken file is read again).
   */
  void refreshed(
      String id,
      String contentHash,
      String readVersion,
      boolean missing,
      List<String> errors,
      Instant now) {
    jdbc.sql(
            "update catalog_locations set refreshed_at = ?, content_hash = ?, missing = ?,"
                + " errors = ?, read_version = ? where id = ?")
        .params(
            Timestamp.from(now),
            contentHash,
            missing,
            errors.isEmpty() ? null : CatalogJson.write(errors),
            errors.isEmpty() ? readVersion : null,
            id)
        .update();
  }

  /** The next read of the location reads its file in full (an entity of it was deleted). */
  void forgetVersion(String id) {
    jdbc.sql("update catalog_locations set read_version = null where id = ?").param(id).update();
  }

  /** A missing location's file is there again (discovery saw it): the next turn reads it. */
  void rearm(String id) {
    jdbc.sql("update catalog_locations set missing = ? where id = ?").params(false, id).update();
  }

  void delete(String id) {
    jdbc.sql("delete from catalog_locations where id = ?").param(id).update();
  }

  List<String> idsFor(String serviceKey) {
    return jdbc.sql("select id from catalog_locations where service_key = ?")
        .param(serviceKey)
        .query(String.class)
        .list();
  }

  @SuppressWarnings("unchecked")
  private static Location location(ResultSet rs, int row) throws SQLException {
    String errors = rs.getString("errors");
    List<String> list;
    try {
      list = errors == null ? List.of() : CatalogJson.JSON.readValue(errors, List.class);
    } catch (Exception e) {
      list = List.of(errors);
    }
    return new Location(
        rs.getString("id"),
        rs.getString("type"),
        rs.getString("target"),
        rs.getString("origin"),
        rs.getBoolean("trusted"),
        rs.getString("service_key"),
        rs.getString("parent_id"),
        rs.getString("created_by"),
        rs.getBoolean("missing"),
        rs.getString("content_hash"),
        list,
        rs.getString("read_version"));
  }
}
