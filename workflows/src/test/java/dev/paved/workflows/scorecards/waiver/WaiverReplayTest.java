package dev.paved.workflows.scorecards.waiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paved.workflows.approval.ApprovalRule;
import dev.paved.workflows.approval.Caller;
import dev.paved.workflows.approval.DecisionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.workflow.Workflow;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Guards the waiver workflow's determinism (a waiver lives up to 180 days, so workers change under
 * it): a recorded history (refused decisions, an approval, the expiry) replays on the current code,
 * and a change that breaks replay is caught. Record it again with {@code mvn -B -o -q -pl workflows
 * test -Dtest=WaiverReplayTest -Dpaved.recordHistories=true} after deleting the file (see
 * docs/workflow-changes.md first).
 */
class WaiverReplayTest {

  static final String NAME = "scorecard-waiver-approved-expired";

  @Test
  void replaysTheRecordedHistory() throws Exception {
    WorkflowReplayer.replayWorkflowExecution(history(), WaiverWorkflowImpl.class);
  }

  @Test
  void catchesAChangeThatBreaksReplay() {
    assertThatThrownBy(
            () ->
                WorkflowReplayer.replayWorkflowExecution(
                    history(), WaitsFirstWaiverWorkflowImpl.class))
        .hasMessageContaining("NonDeterministicException");
  }

  /** A change that adds a timer before the waiver's own: histories recorded before it break. */
  public static class WaitsFirstWaiverWorkflowImpl extends WaiverWorkflowImpl {
    @io.temporal.workflow.WorkflowInit
    public WaitsFirstWaiverWorkflowImpl(WaiverInput input) {
      super(input);
    }

    @Override
    public WaiverSnapshot run(WaiverInput input) {
      Workflow.sleep(Duration.ofMinutes(1));
      return super.run(input);
    }
  }

  @Test
  @EnabledIfSystemProperty(named = "paved.recordHistories", matches = "true")
  void record() throws IOException {
    Path file = Path.of("src/test/resources/histories/" + NAME + ".json");
    if (Files.exists(file)) {
      return;
    }
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      var worker = env.newWorker(WaiverWorkflow.TASK_QUEUE);
      worker.registerWorkflowImplementationTypes(WaiverWorkflowImpl.class);
      worker.registerActivitiesImplementations((WaiverRecorder) change -> {});
      env.start();
      long now = env.currentTimeMillis();
      WaiverInput input =
          new WaiverInput(
              "w-0123456789abcdef",
              "production-readiness",
              "coverage",
              "component:default/ledger",
              "team-payments",
              "legacy module",
              now + Duration.ofDays(30).toMillis(),
              "alice",
              new ApprovalRule(List.of("platform"), 1),
              now + Duration.ofDays(14).toMillis());
      WaiverWorkflow waiver =
          env.getWorkflowClient()
              .newWorkflowStub(
                  WaiverWorkflow.class,
                  WorkflowOptions.newBuilder()
                      .setWorkflowId(WaiverInput.workflowId(input.waiverId()))
                      .setTaskQueue(WaiverWorkflow.TASK_QUEUE)
                      .build());
      WorkflowClient.start(waiver::run, input);
      Caller alice = new Caller("alice", List.of("team-payments"));
      try {
        waiver.decide(new DecisionRequest(alice, "approve", "mine"));
      } catch (RuntimeException refused) {
        // refused before history, as it should be
      }
      waiver.decide(new DecisionRequest(new Caller("pat", List.of("platform")), "approve", "ok"));
      env.sleep(Duration.ofDays(31));
      WaiverSnapshot end = WorkflowStub.fromTyped(waiver).getResult(WaiverSnapshot.class);
      assertThat(end.status()).isEqualTo(WaiverStatus.EXPIRED);
      Files.writeString(
          file,
          env.getWorkflowClient()
                  .fetchHistory(WaiverInput.workflowId(input.waiverId()))
                  .toJson(true)
              + "\n",
          StandardCharsets.UTF_8);
    }
  }

  private static String history() throws IOException {
    try (InputStream in =
        WaiverReplayTest.class.getResourceAsStream("/histories/" + NAME + ".json")) {
      if (in == null) {
        throw new IllegalStateException("no recorded history " + NAME);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
