package dev.paved.api.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.paved.api.identity.CurrentUser;
import dev.paved.api.runs.RunPolicy.Action;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.web.ErrorResponseException;

/** Who may act on a team's runs, and what a refusal says. */
class RunPolicyTest {

  private static final CurrentUser ALICE = new CurrentUser("alice", Set.of("team-payments"), false);
  private static final CurrentUser CAROL = new CurrentUser("carol", Set.of("team-search"), false);
  private static final CurrentUser PAT = new CurrentUser("pat", Set.of("platform"), true);

  @ParameterizedTest
  @EnumSource(Action.class)
  void membersAndThePlatformTeamMayDoEverythingWithATeamsRuns(Action action) {
    RunRecord run = runOf("group:default/team-payments");

    assertThat(RunPolicy.decide(ALICE, run, action)).isEqualTo("alice");
    assertThat(RunPolicy.decide(PAT, run, action)).isEqualTo("pat");
  }

  @ParameterizedTest
  @EnumSource(Action.class)
  void anotherTeamsMemberMayDoNothingWithThem(Action action) {
    ErrorResponseException refused =
        catchThrowableOfType(
            ErrorResponseException.class,
            () -> RunPolicy.decide(CAROL, runOf("team-payments"), action));

    assertThat(refused.getStatusCode().value()).isEqualTo(403);
    assertThat(refused.getBody().getDetail())
        .isEqualTo(
            "carol is not a member of team-payments: only members of team-payments or the"
                + " platform team may "
                + action.verb()
                + " its runs");
  }

  @Test
  void aRunWithoutAnOwnerIsThePlatformTeams() {
    assertThatCode(() -> RunPolicy.check(PAT, null, Action.START)).doesNotThrowAnyException();
    for (Object owner : new Object[] {null, " ", 42}) {
      assertThat(
              catchThrowableOfType(
                      ErrorResponseException.class,
                      () -> RunPolicy.check(ALICE, owner, Action.RERUN))
                  .getBody()
                  .getDetail())
          .isEqualTo("only the platform team may re-run a run without an 'owner' parameter");
    }
  }

  @Test
  void theVerbsAreThoseTheRefusalsName() {
    assertThat(Action.ROLL_BACK.verb()).isEqualTo("roll back");
    assertThat(Action.RERUN.verb()).isEqualTo("re-run");
  }

  private static RunRecord runOf(String owner) {
    Map<String, Object> parameters = new HashMap<>(Map.of("name", "checkout"));
    parameters.put("owner", owner);
    Instant t = Instant.parse("2026-11-28T10:00:00Z");
    return new RunRecord(
        "r-1",
        "java-service",
        "v1",
        "team-payments/checkout",
        "service:team-payments/checkout",
        null,
        "NEEDS_ATTENTION",
        "alice",
        parameters,
        null,
        null,
        null,
        t,
        t);
  }
}
