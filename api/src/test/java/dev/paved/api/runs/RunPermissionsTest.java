package dev.paved.api.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.paved.api.identity.CurrentUser;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

/** Who may act on a team's runs, and what a refusal says. */
class RunPermissionsTest {

  private static final CurrentUser ALICE = new CurrentUser("alice", Set.of("team-payments"), false);
  private static final CurrentUser CAROL = new CurrentUser("carol", Set.of("team-search"), false);
  private static final CurrentUser PAT = new CurrentUser("pat", Set.of("platform"), true);

  @Test
  void membersAndThePlatformTeamActOnATeamsRuns() {
    assertThatCode(() -> RunPermissions.check(ALICE, "group:default/team-payments", "start"))
        .doesNotThrowAnyException();
    assertThatCode(() -> RunPermissions.check(PAT, "team-payments", "cancel"))
        .doesNotThrowAnyException();
    assertThatCode(() -> RunPermissions.check(PAT, null, "start")).doesNotThrowAnyException();
  }

  @Test
  void aRefusalNamesTheTeamAndTheAction() {
    ErrorResponseException refused =
        catchThrowableOfType(
            ErrorResponseException.class,
            () -> RunPermissions.check(CAROL, "group:default/team-payments", "cancel"));

    assertThat(refused.getStatusCode().value()).isEqualTo(403);
    assertThat(refused.getBody().getDetail())
        .isEqualTo(
            "carol is not a member of team-payments: only members of team-payments or the"
                + " platform team may cancel its runs");
    assertThat(
            catchThrowableOfType(
                    ErrorResponseException.class, () -> RunPermissions.check(ALICE, " ", "re-run"))
                .getBody()
                .getDetail())
        .isEqualTo("only the platform team may re-run a run without an 'owner' parameter");
  }
}
