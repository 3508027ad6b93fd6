package dev.paved.api.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.workflows.goldenpath.RunProgress;
import dev.paved.workflows.goldenpath.RunStatus;
import dev.paved.workflows.goldenpath.StepProgress;
import dev.paved.workflows.goldenpath.StepStatus;
import dev.paved.workflows.steps.FailurePolicy;
import dev.paved.workflows.steps.StepPlan;
import dev.paved.workflows.steps.TemplatePlan;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A run in flight shows its workflow's live progress, but an end or a wait for people only once
 * Paved has recorded it: the approvals inbox and the run list read the record.
 */
class RunRecordTest {

  private static final TemplatePlan PLAN =
      new TemplatePlan(
          "t",
          "v1",
          "/t",
          FailurePolicy.ROLLBACK,
          List.of(new StepPlan("approve", "Approve", "paved:approval", Map.of(), null)),
          Map.of());

  private static RunRecord recorded(String status) {
    Instant t = Instant.parse("2026-12-06T10:00:00Z");
    return new RunRecord(
        "r-1",
        "t",
        "v1",
        "o/n",
        "service:o/n",
        "t-1",
        status,
        "guest",
        Map.of(),
        PLAN,
        null,
        null,
        t,
        t);
  }

  private static RunProgress live(RunStatus status, StepStatus step) {
    return new RunProgress(
        "r-1",
        "t",
        status,
        List.of(
            new StepProgress(
                "approve", "Approve", "paved:approval", step, 0, 1L, null, Map.of(), null, null)),
        null,
        null,
        null);
  }

  @Test
  void stepsShowLiveWhileTheStatusIsTheSame() {
    RunRecord shown =
        recorded("RUNNING").withLiveProgress(live(RunStatus.RUNNING, StepStatus.RUNNING));

    assertThat(shown.status()).isEqualTo("RUNNING");
    assertThat(shown.progress().steps().get(0).status()).isEqualTo(StepStatus.RUNNING);
  }

  @Test
  void aWaitForPeopleShowsOnceRecorded() {
    for (RunStatus wait : List.of(RunStatus.WAITING_APPROVAL, RunStatus.NEEDS_ATTENTION)) {
      assertThat(recorded("RUNNING").withLiveProgress(live(wait, StepStatus.RUNNING)).status())
          .as(wait.name())
          .isEqualTo("RUNNING");
      assertThat(recorded(wait.name()).withLiveProgress(live(wait, StepStatus.RUNNING)).status())
          .as(wait.name())
          .isEqualTo(wait.name());
    }
  }

  @Test
  void anEndShowsOnceRecordedAndGoingOnShowsAtOnce() {
    assertThat(
            recorded("RUNNING")
                .withLiveProgress(live(RunStatus.COMPLETED, StepStatus.SUCCEEDED))
                .status())
        .isEqualTo("RUNNING");
    assertThat(
            recorded("WAITING_APPROVAL")
                .withLiveProgress(live(RunStatus.RUNNING, StepStatus.SUCCEEDED))
                .status())
        .isEqualTo("RUNNING");
  }
}
