package dev.paved.workflows.goldenpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.paved.workflows.steps.ActionResult;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A run cancelled from outside while a step runs leaves nothing behind and says so. */
@Timeout(value = 60, unit = TimeUnit.SECONDS) // a guard against a hung run, not a timed assertion
class GoldenPathCancelTest {

  @RegisterExtension final GoldenPathHarness harness = new GoldenPathHarness();

  @Test
  void cancellingDuringAStepUndoesWhatWasMadeAndRecordsCancelled() throws Exception {
    CountDownLatch secretsStarted = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<String> events = new CopyOnWriteArrayList<>();
    harness.withServiceOutputs();
    when(harness.secrets.vaultSecrets(any()))
        .thenAnswer(
            call -> {
              secretsStarted.countDown();
              release.await(30, TimeUnit.SECONDS);
              events.add("secrets made");
              return ActionResult.of(Map.of("path", "secret/team-payments/checkout"));
            });
    doAnswer(call -> events.add("secrets undone")).when(harness.secrets).undoVaultSecrets(any());
    // The step caught running (it does not heartbeat) finishes; only then is it undone.
    cancelOnceReached(secretsStarted, release);
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
    CountDownLatch reached = new CountDownLatch(2); // the first record, then the secrets step
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean blocked = new AtomicBoolean();
    // the run's first record hangs while the run goes on to the secrets step, which hangs too
    doAnswer(
            call -> {
              if (blocked.compareAndSet(false, true)) {
                reached.countDown();
                release.await(30, TimeUnit.SECONDS);
              }
              return null;
            })
        .when(harness.recorder)
        .recordRun(any());
    harness.secretsHeldUntil(reached, release);
    cancelOnceReached(reached, release);

    verify(harness.secrets).undoVaultSecrets(any());
    verify(harness.repository).undoPublishGithub(any());
    verify(harness.workspace).deleteWorkspace(ServiceTemplate.RUN_ID);
    List<RunProgress> recorded = harness.recorded();
    assertThat(recorded.get(0).status()).isEqualTo(RunStatus.RUNNING);
    assertThat(recorded.get(recorded.size() - 1).status()).isEqualTo(RunStatus.CANCELLED);
  }

  /**
   * Starts the run, cancels it once it has reached {@code reached}, lets the blocked activity go
   * on, and waits for the run to close. Temporal closes it as cancelled; Paved's record and the
   * progress query tell the rest.
   */
  private void cancelOnceReached(CountDownLatch reached, CountDownLatch release)
      throws InterruptedException {
    WorkflowStub run = harness.start(ServiceTemplate.run(true));
    assertThat(reached.await(30, TimeUnit.SECONDS)).isTrue();
    run.cancel();
    release.countDown();
    assertThatThrownBy(() -> run.getResult(RunProgress.class))
        .isInstanceOf(WorkflowFailedException.class);
  }
}
