package dev.paved.api.catalog;

import dev.paved.api.identity.Teams;
import java.util.Optional;
import java.util.Set;

/**
 * Who may write what: Group, User and Location entities come only from trusted locations (the
 * platform's); a run's location may write only entities owned by the run's team.
 */
final class WritePolicy {

  private static final Set<String> ORGANISATION = Set.of("Group", "User", "Location");

  /** Why the location may not write this entity; empty when it may. */
  static Optional<String> refusal(CatalogLocations.Location location, Entity entity) {
    if (ORGANISATION.contains(entity.kind()) && !location.trusted()) {
      return Optional.of(
          entity.ref()
              + ": "
              + entity.kind()
              + " entities come only from locations the platform configures");
    }
    String serviceKey = location.serviceKey();
    if (serviceKey != null && "run".equals(location.origin())) {
      String team = Teams.name(serviceKey.substring(0, Math.max(serviceKey.indexOf('/'), 0)));
      String owner = entity.owner();
      if (owner == null || !owner.equals(Entity.groupRef(team))) {
        return Optional.of(
            entity.ref() + ": a run of " + team + " may register only entities owned by " + team);
      }
    }
    return Optional.empty();
  }

  private WritePolicy() {}
}
