package dev.paved.api.runs;

import dev.paved.api.Problems;
import dev.paved.api.identity.CurrentUser;

/**
 * Who may do what with a team's runs. Every signed-in user may read every run (runs hold paths,
 * never secrets, and the portal shows them to all). Starting, retrying, rolling back, cancelling
 * and re-running are for the members of the run's owning team and the platform team; a run without
 * an {@code owner} is the platform team's (a default owner must not let anyone in). Approving is
 * not decided here: the run's approval step names its approver groups, and the workflow's validator
 * checks them (never the requester).
 */
final class RunPolicy {

  /** What a caller may ask of a team's runs, with the verb a refusal names. */
  enum Action {
    START("start"),
    RETRY("retry"),
    ROLL_BACK("roll back"),
    CANCEL("cancel"),
    RERUN("re-run");

    private final String verb;

    Action(String verb) {
      this.verb = verb;
    }

    String verb() {
      return verb;
    }
  }

  private RunPolicy() {}

  /** The caller's name, when {@code me} may {@code action} {@code run}; 403 naming it otherwise. */
  static String decide(CurrentUser me, RunRecord run, Action action) {
    check(me, run.parameters().get("owner"), action);
    return me.name();
  }

  /** Nothing when {@code me} may {@code action} a run of {@code owner}; 403 naming it otherwise. */
  static void check(CurrentUser me, Object owner, Action action) {
    boolean owned = owner instanceof String team && !team.isBlank();
    if (owned ? me.mayActFor((String) owner) : me.platform()) {
      return;
    }
    if (!owned) {
      throw Problems.forbidden(
          "only the platform team may " + action.verb() + " a run without an 'owner' parameter");
    }
    String team = ServiceIdentity.groupName((String) owner);
    throw Problems.forbidden(
        me.name()
            + " is not a member of "
            + team
            + ": only members of "
            + team
            + " or the platform team may "
            + action.verb()
            + " its runs");
  }
}
