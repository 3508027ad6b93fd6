package dev.paved.api.identity;

import dev.paved.workflows.approval.Caller;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The signed-in user: their name and every group they belong to (from the users file or the token,
 * and from the catalog).
 *
 * @param platform a member of the platform team
 */
public record CurrentUser(String name, Set<String> groups, boolean platform) {

  public CurrentUser {
    groups = Set.copyOf(groups);
  }

  public boolean inGroup(String group) {
    return group != null && groups.contains(group);
  }

  public boolean inAnyGroup(Collection<String> candidates) {
    return candidates.stream().anyMatch(this::inGroup);
  }

  /** The platform team acts for every team; anyone else for their own teams. */
  public boolean mayActFor(String owner) {
    return platform || (owner != null && inGroup(Teams.name(owner)));
  }

  /** This user as an update argument carries them to a workflow's validator. */
  public Caller caller() {
    return new Caller(name, List.copyOf(new TreeSet<>(groups)));
  }
}
