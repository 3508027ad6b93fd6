package dev.paved.api.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The catalog's entities as other features read them (scorecards): those matching a Backstage
 * filter, or one by its ref. Read-only.
 */
@Component
public class CatalogEntities {

  private final JdbcClient jdbc;

  public CatalogEntities(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * An entity as stored.
   *
   * @param ref {@code kind:namespace/name}, lower-cased
   * @param owner {@code spec.owner} as a full group ref, or null
   * @param title {@code metadata.title}, else its name
   * @param body the entity (apiVersion, kind, metadata, spec)
   */
  public record Graded(String ref, String owner, String title, Map<String, Object> body) {}

  /** Every entity matching {@code filter} (empty: all), by ref; IllegalArgumentException if bad. */
  public List<Graded> matching(List<String> filter) {
    return query(filter, null);
  }

  /** The entity, if it matches {@code filter}. */
  public Optional<Graded> matching(List<String> filter, String ref) {
    return query(filter, ref.toLowerCase(Locale.ROOT)).stream().findFirst();
  }

  /** The refs of the entities matching {@code filter}, by ref. */
  public List<String> refs(List<String> filter) {
    List<Object> params = new ArrayList<>();
    String where = EntityFilter.parse(filter).sql(params);
    return jdbc.sql("select e.entity_ref from catalog_entities e where " + where)
        .params(params)
        .query(String.class)
        .list();
  }

  /** An owner as written ({@code team-a}, {@code group:default/team-a}) as a full group ref. */
  public static String ownerRef(String owner) {
    return Entity.groupRef(owner);
  }

  /** Checks a filter's syntax: IllegalArgumentException saying what is wrong. */
  public static void check(List<String> filter) {
    EntityFilter.parse(filter);
  }

  private List<Graded> query(List<String> filter, String ref) {
    List<Object> params = new ArrayList<>();
    String where = EntityFilter.parse(filter).sql(params);
    if (ref != null) {
      where += " and e.entity_ref = ?";
      params.add(ref);
    }
    return jdbc.sql(
            "select e.entity_ref, e.entity from catalog_entities e where "
                + where
                + " order by e.entity_ref")
        .params(params)
        .query(
            (rs, row) -> {
              Entity entity = new Entity(CatalogJson.read(rs.getString(2)));
              Object title =
                  entity.body().get("metadata") instanceof Map<?, ?> metadata
                      ? metadata.get("title")
                      : null;
              return new Graded(
                  rs.getString(1),
                  entity.owner(),
                  title == null ? entity.name() : String.valueOf(title),
                  entity.body());
            })
        .list();
  }
}
