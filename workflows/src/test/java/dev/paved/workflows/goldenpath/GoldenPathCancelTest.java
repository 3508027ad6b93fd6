package dev.paved.workflows.goldenpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
              return ActionResult.of(Map.of("path", "secret/team-payments/checkout"));
            });
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
    // Temporal closes the execution as cancelled; Paved's record and the query tell the rest.
    assertThatThrownBy(() -> WorkflowStub.fromTyped(workflow).getResult(RunProgress.class))
        .isInstanceOf(WorkflowFailedException.class);
    release.countDown();
    RunProgress result = harness.progress();

    assertThat(result.status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(result.failedStep()).isEqualTo("secrets");
    assertThat(result.error()).contains("cancelled");
    verify(harness.secrets).undoVaultSecrets(any());
    verify(harness.dashboard).undoGrafanaDashboard(any());
    verify(harness.repository).undoPublishGithub(any());
    verifyNoInteractions(harness.manifests, harness.catalog);
    verify(harness.workspace).deleteWorkspace(ServiceTemplate.RUN_ID);
    List<RunProgress> recorded = harness.recorded();
    assertThat(recorded.get(recorded.size() - 1)).isEqualTo(result);
    assertThat(result.steps())
        .extracting(StepProgress::status)
        .contains(StepStatus.COMPENSATED, StepStatus.FAILED);
  }
}
