package dev.paved.api.identity;

import java.util.Set;

/**
 * A second source of team membership besides the sign-in: the catalog's User and Group entities.
 */
@FunctionalInterface
public interface TeamDirectory {

  /** The teams the catalog says {@code user} belongs to. */
  Set<String> teamsOf(String user);
}
