package dev.paved.api.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.api.runs.RunEventDiff.Event;
import dev.paved.api.runs.RunEventDiff.RunEvent;
import dev.paved.api.runs.RunEventDiff.StepEvent;
import dev.paved.api.runs.RunExecutions.PendingAttempt;
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

/** Which events successive looks at a run make: only what changed, retries included. */
class RunEventDiffTest {

  private static final TemplatePlan PLAN =
      new TemplatePlan(
          "t",
          "v1",
          "/t",
          FailurePolicy.ROLLBACK,
          List.of(
              new StepPlan("fetch", "Render", "fetch:template", Map.of(), null),
              new StepPlan("publish", "Repository", "publish:github", Map.of(), null)),
          Map.of());

  private final RunEventDiff diff = new RunEventDiff();

  private static StepProgress step(String id, String action, StepStatus status, int attempts) {
    return new StepProgress(id, id, action, status, attempts, 1L, null, Map.of(), null, null);
  }

  private static RunRecord run(String status, String error, StepProgress... steps) {
    RunProgress progress =
        steps.length == 0
            ? null
            : new RunProgress(
                "r-1",
                "t",
                RunStatus.valueOf(status),
                List.of(steps),
                error == null ? null : "publish",
                error,
                null);
    Instant t = Instant.parse("2026-11-28T10:00:00Z");
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
        progress,
        error,
        t,
        t);
  }

  @Test
  void theFirstLookTellsTheRunThenEveryStepThatStarted() {
    List<Event> events =
        diff.next(
            run(
                "RUNNING",
                null,
                step("fetch", "fetch:template", StepStatus.SUCCEEDED, 1),
                step("publish", "publish:github", StepStatus.RUNNING, 0)),
            List.of(new PendingAttempt("PublishGithub", 1, null)));

    assertThat(events)
        .containsExactly(
            new Event("run", new RunEvent("r-1", "RUNNING", null, null)),
            new Event("step", new StepEvent("fetch", "SUCCEEDED", 1, null)),
            new Event("step", new StepEvent("publish", "RUNNING", 1, null)));
  }

  @Test
  void aRetryIsAStepEventWithTheNextAttemptAndWhyTheLastFailed() {
    RunRecord running =
        run(
            "RUNNING",
            null,
            step("fetch", "fetch:template", StepStatus.SUCCEEDED, 1),
            step("publish", "publish:github", StepStatus.RUNNING, 0));
    diff.next(running, List.of(new PendingAttempt("PublishGithub", 1, null)));

    List<Event> unchanged =
        diff.next(running, List.of(new PendingAttempt("PublishGithub", 1, null)));
    List<Event> retry =
        diff.next(
            running,
            List.of(
                new PendingAttempt("RecordRun", 1, null),
                new PendingAttempt("PublishGithub", 2, "GitHub answered 502 Bad Gateway")));

    assertThat(unchanged).isEmpty();
    assertThat(retry)
        .containsExactly(
            new Event(
                "step", new StepEvent("publish", "RUNNING", 2, "GitHub answered 502 Bad Gateway")));
  }

  @Test
  void theEndTellsTheStepsFirstAndTheRunLast() {
    diff.next(run("RUNNING", null), List.of());

    List<Event> end =
        diff.next(
            run(
                "ROLLED_BACK",
                "step 'publish' failed: taken",
                step("fetch", "fetch:template", StepStatus.SUCCEEDED, 1),
                step("publish", "publish:github", StepStatus.FAILED, 1)),
            List.of());

    assertThat(end).extracting(Event::name).containsExactly("step", "step", "run");
    assertThat(end.get(2).data())
        .isEqualTo(new RunEvent("r-1", "ROLLED_BACK", "publish", "step 'publish' failed: taken"));
  }
}
