package dev.paved.api.catalog;

import dev.paved.api.identity.TeamDirectory;
import dev.paved.api.identity.Teams;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the catalog says about people and ownership: who owns a service, which teams a user belongs
 * to and who belongs to a team, read from the {@code memberOf}/{@code hasMember} relations (a
 * {@code User}'s {@code spec.memberOf}, a {@code Group}'s {@code spec.members}).
 *
 * <p>A membership counts only when the entity stating it came from a trusted location (configured,
 * or registered by the platform team), or, for entities a run registered before locations, when
 * that run was of the same team: nobody writes themselves into another team through the catalog.
 * Orphans (their location no longer emits them) state nothing.
 */
@Repository
public class CatalogDirectory implements TeamDirectory {

  private static final String MEMBERSHIPS =
      "select r.source_ref, r.target_ref, e.location_id, e.service_key, l.trusted"
          + " from catalog_relations r"
          + " join catalog_entities e on e.entity_ref = r.originating_ref"
          + " left join catalog_locations l on l.id = e.location_id"
          + " where r.type = 'memberOf' and e.orphaned_at is null and ";

  private final JdbcClient jdbc;

  CatalogDirectory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One {@code user memberOf group} relation and where the entity stating it came from. */
  private record Membership(
      String user, String group, String locationId, String serviceKey, boolean trusted) {

    boolean counts() {
      if (locationId != null) {
        return trusted;
      }
      int slash = serviceKey == null ? -1 : serviceKey.indexOf('/');
      return slash > 0 && Teams.name(serviceKey.substring(0, slash)).equals(group);
    }
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
    memberships("r.source_ref = ?", "user:default/" + lower(user)).stream()
        .filter(Membership::counts)
        .forEach(m -> teams.add(m.group()));
    return teams;
  }

  /** The users the catalog says belong to the team (a group name or ref). */
  public Set<String> membersOf(String team) {
    Set<String> users = new TreeSet<>();
    memberships("r.target_ref = ?", "group:default/" + Teams.name(team)).stream()
        .filter(Membership::counts)
        .forEach(m -> users.add(m.user()));
    return users;
  }

  /** Whether the catalog holds a Group entity of this name from a trusted location. */
  public boolean defines(String team) {
    return jdbc.sql(
                "select count(*) from catalog_entities e join catalog_locations l"
                    + " on l.id = e.location_id where e.entity_ref = ? and l.trusted"
                    + " and e.orphaned_at is null")
            .param("group:default/" + Teams.name(team))
            .query(Integer.class)
            .single()
        > 0;
  }

  private List<Membership> memberships(String where, String ref) {
    return jdbc.sql(MEMBERSHIPS + where)
        .param(ref)
        .query(
            (rs, row) ->
                new Membership(
                    nameOf(rs.getString(1)),
                    Teams.name(rs.getString(2)),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getBoolean(5)))
        .list();
  }

  private static String nameOf(String ref) {
    return ref.substring(ref.lastIndexOf('/') + 1);
  }

  private static String lower(String value) {
    return value.toLowerCase(Locale.ROOT);
  }
}
