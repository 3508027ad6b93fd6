package dev.paved.workflows.goldenpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.paved.workflows.steps.ActionResult;
import dev.paved.workflows.steps.TaskQueues;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A run cancelled from outside while a step runs leaves nothing behind and says so. */
@Timeout(value = 60, unit = TimeUnit.SECONDS) // a guard against a hung run, not a timed assertion
class GoldenPathCancelTest {

  private final GoldenPathHarness harness = new GoldenPathHarness();

  @AfterEach
  void stopEnvironment() {
    harness.close();
  }

  @Test
  void cancellingDuringAStepUndoesWhatWasMadeAndRecordsCancelled() throws Exception {
    CountDownLatch secretsStarted = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<String> events = new CopyOnWriteArrayList<>();
    when(harness.repository.publishGithub(any()))
        .thenReturn(
            ActionResult.of(
                Map.of(
                    "remoteUrl", ServiceTemplate.REMOTE_URL,
                    "repoContentsUrl", ServiceTemplate.CONTENTS_URL)));
    when(harness.secrets.vaultSecrets(any()))
        .thenAnswer(
            call -> {
              secretsStarted.countDown();
              release.await(30, TimeUnit.SECONDS);
              events.add("secrets made");
              return ActionResult.of(Map.of("path", "secret/team-payments/checkout"));
            });
    doAnswer(call -> events.add("secrets undone")).when(harness.secrets).undoVaultSecrets(any());
    GoldenPathWorkflow workflow =
        harness
            .client()
            .newWorkflowStub(
                GoldenPathWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(ServiceTemplate.WORKFLOW_ID)
                    .setTaskQueue(TaskQueues.GOLDEN_PATH)
                    .build());
    WorkflowClient.start(workflow::run, ServiceTemplate.run(true));
    assertThat(secretsStarted.await(30, TimeUnit.SECONDS)).isTrue();

    WorkflowStub.fromTyped(workflow).cancel();
    // The step caught running (it does not heartbeat) finishes; only then is it undone.
    release.countDown();
    // Temporal closes the execution as cancelled; Paved's record and the query tell the rest.
    assertThatThrownBy(() -> WorkflowStub.fromTyped(workflow).getResult(RunProgress.class))
        .isInstanceOf(WorkflowFailedException.class);
    RunProgress result = harness.progress();

    assertThat(events).containsExactly("secrets made", "secrets undone");
    assertThat(result.status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(result.error()).contains("cancelled");
    verify(harness.secrets).undoVaultSecrets(any());
    verify(harness.dashboard).undoGrafanaDashboard(any());
    verify(harness.repository).undoPublishGithub(any());
    verifyNoInteractions(harness.manifests, harness.catalog);
    verify(harness.workspace).deleteWorkspace(ServiceTemplate.RUN_ID);
    List<RunProgress> recorded = harness.recorded();
    assertThat(recorded.get(recorded.size() - 1)).isEqualTo(result);
    assertThat(result.steps())
        .filteredOn(step -> List.of("publish", "dashboard", "secrets").contains(step.id()))
        .extracting(StepProgress::status)
        .containsOnly(StepStatus.COMPENSATED);
  }

  @Test
  void cancellingWhileARecordIsMadeStillUndoesAndRecordsTheEnd() throws Exception {
    harness.withServiceOutputs();
    CountDownLatch recording = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean blocked = new AtomicBoolean();
    doAnswer(
            call -> {
              RunProgress snapshot = call.getArgument(0);
              if (snapshot.steps().get(1).status() == StepStatus.SUCCEEDED
                  && blocked.compareAndSet(false, true)) {
                recording.countDown();
                release.await(30, TimeUnit.SECONDS);
              }
              return null;
            })
        .when(harness.recorder)
        .recordRun(any());
    GoldenPathWorkflow workflow =
        harness
            .client()
            .newWorkflowStub(
                GoldenPathWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(ServiceTemplate.WORKFLOW_ID)
                    .setTaskQueue(TaskQueues.GOLDEN_PATH)
                    .build());
    WorkflowClient.start(workflow::run, ServiceTemplate.run(true));
    assertThat(recording.await(30, TimeUnit.SECONDS)).isTrue();

    WorkflowStub.fromTyped(workflow).cancel();
    release.countDown();
    assertThatThrownBy(() -> WorkflowStub.fromTyped(workflow).getResult(RunProgress.class))
        .isInstanceOf(WorkflowFailedException.class);

    verify(harness.repository).undoPublishGithub(any());
    verify(harness.workspace).deleteWorkspace(ServiceTemplate.RUN_ID);
    List<RunProgress> recorded = harness.recorded();
    assertThat(recorded.get(recorded.size() - 1).status()).isEqualTo(RunStatus.CANCELLED);
  }
}
