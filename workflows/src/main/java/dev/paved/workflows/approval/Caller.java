package dev.paved.workflows.approval;

import java.util.Collection;
import java.util.List;

/**
 * Who asks, as the API authenticated them: the user and every group they belong to at that moment.
 * Passed in update arguments, so a validator decides from data instead of a lookup.
 */
public record Caller(String user, List<String> groups) {

  public Caller {
    groups = groups == null ? List.of() : List.copyOf(groups);
  }

  public boolean inGroup(String group) {
    return group != null && groups.contains(group);
  }

  public boolean inAnyGroup(Collection<String> candidates) {
    return candidates.stream().anyMatch(this::inGroup);
  }
}
