package dev.paved.workflows.goldenpath;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.enums.v1.RetryState;
import io.temporal.api.enums.v1.TimeoutType;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.failure.TimeoutFailure;
import org.junit.jupiter.api.Test;

/** A step's error names the system and what it answered, in one line an operator can act on. */
class StepErrorTest {

  private static ActivityFailure activityFailed(TemporalFailure cause) {
    return new ActivityFailure(
        "Activity task failed",
        5,
        6,
        "PublishGithub",
        "7",
        RetryState.RETRY_STATE_MAXIMUM_ATTEMPTS_REACHED,
        "worker-1",
        cause);
  }

  @Test
  void carriesWhatTheSystemAnsweredAfterPavedsOwnWords() {
    ApplicationFailure answer =
        ApplicationFailure.newFailure(
            "/data/git/team-x/checkout.git: No space left on device", "java.io.IOException");
    ApplicationFailure failure =
        ApplicationFailure.newFailureWithCause(
            "cannot publish to repository team-x/checkout", "Unavailable", answer, 8);

    StepError error = StepError.from(activityFailed(failure));

    assertThat(error.message())
        .isEqualTo(
            "cannot publish to repository team-x/checkout:"
                + " /data/git/team-x/checkout.git: No space left on device");
    assertThat(error.type()).isEqualTo("Unavailable");
    assertThat(error.attempts()).isEqualTo(8);
    assertThat(error.message()).doesNotContain("\tat ", "Exception:");
  }

  @Test
  void aCauseThatRepeatsTheMessageAddsNothing() {
    ApplicationFailure cause =
        ApplicationFailure.newFailure("GitHub answered 503", "java.io.IOException");
    ApplicationFailure failure =
        ApplicationFailure.newFailureWithCause(
            "GitHub answered 503", "java.io.UncheckedIOException", cause);

    StepError error = StepError.from(activityFailed(failure));

    assertThat(error.message()).isEqualTo("GitHub answered 503");
    assertThat(error.type()).isEqualTo("UncheckedIOException");
  }

  @Test
  void aTimeoutSaysWhichOneInWords() {
    StepError heartbeat =
        StepError.from(
            activityFailed(new TimeoutFailure(null, null, TimeoutType.TIMEOUT_TYPE_HEARTBEAT)));
    StepError startToClose =
        StepError.from(
            activityFailed(
                new TimeoutFailure(null, null, TimeoutType.TIMEOUT_TYPE_START_TO_CLOSE)));

    assertThat(heartbeat.type()).isEqualTo("Timeout");
    assertThat(heartbeat.message()).contains("worker stopped reporting");
    assertThat(startToClose.message()).contains("did not finish in the time");
    assertThat(startToClose.message()).doesNotContain("TIMEOUT_TYPE");
  }
}
