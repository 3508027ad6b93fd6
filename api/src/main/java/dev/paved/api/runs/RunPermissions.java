package dev.paved.api.runs;

import dev.paved.api.Problems;
import dev.paved.api.identity.CurrentUser;

/**
 * Who may act on a team's runs (start, retry, roll back, cancel, re-run): the team's members, and
 * the platform team for every team. A run without an {@code owner} is the platform team's (a
 * default owner must not let anyone in).
 */
final class RunPermissions {

  private RunPermissions() {}

  /**
   * Nothing when {@code me} may {@code action} (a verb: "start", "cancel", ...) a run of {@code
   * owner}; 403 naming the action otherwise.
   */
  static void check(CurrentUser me, Object owner, String action) {
    boolean owned = owner instanceof String team && !team.isBlank();
    if (owned ? me.mayActFor((String) owner) : me.platform()) {
      return;
    }
    if (!owned) {
      throw Problems.forbidden(
          "only the platform team may " + action + " a run without an 'owner' parameter");
    }
    String team = ServiceIdentity.groupName((String) owner);
    throw Problems.forbidden(
        me.name()
            + " is not a member of "
            + team
            + ": only members of "
            + team
            + " or the platform team may "
            + action
            + " its runs");
  }
}
