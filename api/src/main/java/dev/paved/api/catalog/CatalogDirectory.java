package dev.paved.api.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paved.api.identity.TeamDirectory;
import dev.paved.api.identity.Teams;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the catalog says about people and ownership: who owns a service, and which teams a user
 * belongs to (a {@code User}'s {@code spec.memberOf}, a {@code Group}'s {@code spec.members}).
 *
 * <p>A membership counts only when the entity stating it was registered by a run of that same team
 * (its service key starts with the team): only a member (or the platform team) can start such a
 * run, so nobody can write themselves into another team through the catalog.
 */
@Repository
public class CatalogDirectory implements TeamDirectory {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JdbcClient jdbc;

  CatalogDirectory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The team owning the entity {@code kind:namespace/name}, if it is in the catalog. */
  public Optional<String> ownerOf(String kind, String namespace, String name) {
    return jdbc.sql(
            "select owner from catalog_entities where kind = ? and namespace = ? and name = ?")
        .params(lower(kind), lower(namespace), lower(name))
        .query(String.class)
        .optional()
        .map(Teams::name);
  }

  /** Whether the entity is in the catalog at all. */
  public boolean exists(String kind, String namespace, String name) {
    return jdbc.sql(
                "select count(*) from catalog_entities where kind = ? and namespace = ? and name = ?")
            .params(lower(kind), lower(namespace), lower(name))
            .query(Integer.class)
            .single()
        > 0;
  }

  @Override
  public Set<String> teamsOf(String user) {
    Set<String> teams = new TreeSet<>();
    String self = lower(user);
    jdbc.sql("select entity, service_key from catalog_entities where kind = 'user' and name = ?")
        .param(self)
        .query((rs, row) -> Map.entry(read(rs.getString("entity")), rs.getString("service_key")))
        .list()
        .forEach(
            found -> {
              for (Object group : list(spec(found.getKey()).get("memberOf"))) {
                add(teams, Teams.name(String.valueOf(group)), found.getValue());
              }
            });
    jdbc.sql("select entity, service_key from catalog_entities where kind = 'group'")
        .query((rs, row) -> Map.entry(read(rs.getString("entity")), rs.getString("service_key")))
        .list()
        .forEach(
            found -> {
              boolean member =
                  list(spec(found.getKey()).get("members")).stream()
                      .anyMatch(m -> Teams.name(String.valueOf(m)).equals(self));
              if (member) {
                add(teams, Teams.name(name(found.getKey())), found.getValue());
              }
            });
    return teams;
  }

  /** Only the team that registered the entity (its service key's owner) is taken from it. */
  private static void add(Set<String> teams, String team, String serviceKey) {
    int slash = serviceKey == null ? -1 : serviceKey.indexOf('/');
    if (slash > 0 && Teams.name(serviceKey.substring(0, slash)).equals(team)) {
      teams.add(team);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> spec(Map<String, Object> entity) {
    return entity.get("spec") instanceof Map<?, ?> spec ? (Map<String, Object>) spec : Map.of();
  }

  private static String name(Map<String, Object> entity) {
    return entity.get("metadata") instanceof Map<?, ?> metadata
        ? String.valueOf(metadata.get("name"))
        : "";
  }

  private static java.util.List<?> list(Object value) {
    return value instanceof java.util.List<?> values ? values : java.util.List.of();
  }

  private static String lower(String value) {
    return value.toLowerCase(Locale.ROOT);
  }

  private static Map<String, Object> read(String json) {
    try {
      return JSON.readValue(json, new TypeReference<>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
