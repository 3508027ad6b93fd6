package dev.paved.api.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code catalog_entities} table: entities in Backstage's format, keyed case-insensitively. */
@Repository
public class CatalogStore {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JdbcClient jdbc;

  CatalogStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** An entity's ref parts and who registered it. */
  record Stored(Entity entity, String serviceKey, String runId) {}

  Optional<Stored> find(String kind, String namespace, String name) {
    return jdbc.sql(
            "select entity, service_key, run_id from catalog_entities"
                + " where kind = ? and namespace = ? and name = ?")
        .params(lower(kind), lower(namespace), lower(name))
        .query(
            (rs, row) ->
                new Stored(
                    new Entity(read(rs.getString("entity"))),
                    rs.getString("service_key"),
                    rs.getString("run_id")))
        .optional();
  }

  void upsert(Entity entity, String serviceKey, String runId, Instant now) {
    int updated =
        jdbc.sql(
                "update catalog_entities set entity = ?, owner = ?, service_key = ?, run_id = ?,"
                    + " updated_at = ? where kind = ? and namespace = ? and name = ?")
            .params(
                write(entity.body()),
                entity.owner(),
                serviceKey,
                runId,
                Timestamp.from(now),
                lower(entity.kind()),
                lower(entity.namespace()),
                lower(entity.name()))
            .update();
    if (updated == 0) {
      jdbc.sql(
              "insert into catalog_entities (kind, namespace, name, owner, entity, service_key,"
                  + " run_id, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(
              lower(entity.kind()),
              lower(entity.namespace()),
              lower(entity.name()),
              entity.owner(),
              write(entity.body()),
              serviceKey,
              runId,
              Timestamp.from(now),
              Timestamp.from(now))
          .update();
    }
  }

  int deleteFor(String serviceKey) {
    return jdbc.sql("delete from catalog_entities where service_key = ?")
        .param(serviceKey)
        .update();
  }

  /** Entities, optionally of one kind and one owner (an entity ref or a bare group name). */
  List<Entity> list(String kind, String owner) {
    StringBuilder sql = new StringBuilder("select entity from catalog_entities where 1 = 1");
    var params = new java.util.ArrayList<Object>();
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

  private static String lower(String value) {
    return value.toLowerCase(Locale.ROOT);
  }

  private static String write(Map<String, Object> body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> read(String json) {
    try {
      return JSON.readValue(json, new TypeReference<>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
