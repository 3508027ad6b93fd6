package dev.paved.workflows.goldenpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.paved.workflows.goldenpath.UndoProgress.Status;
import dev.paved.workflows.steps.ActionResult;
import dev.paved.workflows.steps.EffectsLedger;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The rollback when a system is down: a step that made nothing is not undone, and an undo that
 * cannot finish holds no other back, is tried again later, and the run says what is left.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS) // a guard against a hung run, not a timed assertion
class GoldenPathUndoLaterTest {

  private static final String SECRET = "vault secret secret/team-payments/checkout";

  @RegisterExtension final GoldenPathHarness harness = new GoldenPathHarness().withServiceOutputs();

  private final AtomicBoolean vaultUp = new AtomicBoolean(false);

  @Test
  void aStepThatMadeNothingIsNotUndoneAndTheRestIs() {
    // Grafana answers 503 to everything: the dashboard step never reaches its making call.
    when(harness.dashboard.grafanaDashboard(any()))
        .thenAnswer(
            call -> {
              EffectsLedger.track();
              throw ApplicationFailure.newFailure("Grafana answered 503", "Unavailable");
            });

    RunProgress result = harness.run(ServiceTemplate.run(true));

    verify(harness.dashboard, times(8)).grafanaDashboard(any()); // its retries, carried across
    verify(harness.dashboard, never()).undoGrafanaDashboard(any());
    verify(harness.repository).undoPublishGithub(any());
    assertThat(result.status()).isEqualTo(RunStatus.ROLLED_BACK);
    StepProgress dashboard = result.steps().get(2);
    assertThat(dashboard.status()).isEqualTo(StepStatus.FAILED);
    assertThat(dashboard.undo().status()).isEqualTo(Status.NOTHING_TO_UNDO);
    assertThat(result.steps().get(1).undo().status()).isEqualTo(Status.UNDONE);
  }

  @Test
  void aStepThatMayHaveMadeSomethingIsUndone() {
    when(harness.dashboard.grafanaDashboard(any()))
        .thenAnswer(
            call -> {
              EffectsLedger.track().intend("grafana dashboard team-payments-checkout");
              throw ApplicationFailure.newNonRetryableFailure("read timed out", "Unavailable");
            });

    RunProgress result = harness.run(ServiceTemplate.run(true));

    verify(harness.dashboard).undoGrafanaDashboard(any());
    assertThat(result.status()).isEqualTo(RunStatus.ROLLED_BACK);
    assertThat(result.steps().get(2).undo().effects())
        .containsExactly("grafana dashboard team-payments-checkout");
  }

  @Test
  void anIntentOfAnEarlierAttemptStaysWhenALaterOneWasRefused() {
    // The first attempt sent the making call and got no answer; the second was refused (a 503):
    // the refusal says nothing of the first call, whose dashboard may exist.
    AtomicBoolean first = new AtomicBoolean(true);
    String made = "grafana dashboard team-payments-checkout";
    when(harness.dashboard.grafanaDashboard(any()))
        .thenAnswer(
            call -> {
              EffectsLedger ledger = EffectsLedger.track();
              ledger.intend(made);
              if (first.getAndSet(false)) {
                throw ApplicationFailure.newFailure("read timed out", "Unavailable");
              }
              ledger.notMade(made);
              throw ApplicationFailure.newNonRetryableFailure(
                  "Grafana answered 503", "Unavailable");
            });

    RunProgress result = harness.run(ServiceTemplate.run(true));

    verify(harness.dashboard, times(2)).grafanaDashboard(any());
    verify(harness.dashboard).undoGrafanaDashboard(any());
    assertThat(result.steps().get(2).undo().status()).isEqualTo(Status.UNDONE);
    assertThat(result.steps().get(2).undo().effects()).containsExactly(made);
  }

  @Test
  void anUndoThatCannotFinishIsLeftForLaterAndDoneWhenTheSystemIsBack() {
    vaultDownAfterTheSecretWasMade();

    WorkflowStub run = harness.start(ServiceTemplate.run(true));
    RunProgress rolling = harness.awaitStatus(RunStatus.ROLLING_BACK);

    // The other undos went on.
    verify(harness.dashboard).undoGrafanaDashboard(any());
    verify(harness.repository).undoPublishGithub(any());
    StepProgress secrets = rolling.steps().get(3);
    assertThat(secrets.undo().status()).isEqualTo(Status.RETRYING);
    assertThat(secrets.undo().effects()).containsExactly(SECRET);
    assertThat(secrets.undo().error()).contains("Vault answered 503");
    assertThat(secrets.undo().nextTryAt()).isNotNull();
    assertThat(rolling.steps().get(1).undo().status()).isEqualTo(Status.UNDONE);

    vaultUp.set(true);
    // The later try comes by itself (time skips while the client waits for the result).
    RunProgress result = run.getResult(RunProgress.class);
    assertThat(result.status()).isEqualTo(RunStatus.ROLLED_BACK);
    assertThat(result.steps().get(3).undo().status()).isEqualTo(Status.UNDONE);
    assertThat(result.steps().get(3).undo().attempts()).isEqualTo(2);
    assertThat(harness.recorded().get(harness.recorded().size() - 1)).isEqualTo(result);
  }

  @Test
  void aRollbackDecisionTriesWhatIsLeftNow() {
    vaultDownAfterTheSecretWasMade();

    WorkflowStub run = harness.start(ServiceTemplate.run(true));
    harness.awaitStatus(RunStatus.ROLLING_BACK);
    // Only trying the undos now fits a run that is rolling back.
    assertThatThrownBy(() -> harness.workflow().retry(DecisionRequest.by("bob")))
        .hasStackTraceContaining("is rolling back");
    assertThatThrownBy(() -> harness.workflow().cancel(DecisionRequest.by("bob")))
        .hasStackTraceContaining("already ending");
    vaultUp.set(true);
    // Time does not skip here: without the decision the next try is a minute away.
    RunProgress answer = harness.workflow().rollback(DecisionRequest.by("bob"));
    assertThat(answer.decisions()).extracting(RunDecision::decidedBy).contains("bob");

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> harness.progress().status() == RunStatus.ROLLED_BACK);
    verify(harness.secrets, times(2)).undoVaultSecrets(any());
    assertThat(run.getResult(RunProgress.class).status()).isEqualTo(RunStatus.ROLLED_BACK);
  }

  @Test
  void whenTheLaterTriesRunOutTheRunFailsNamingWhatIsLeft() {
    vaultDownAfterTheSecretWasMade();

    RunProgress result = harness.run(ServiceTemplate.run(true));

    verify(harness.secrets, atLeast(100)).undoVaultSecrets(any());
    assertThat(result.status()).isEqualTo(RunStatus.FAILED);
    assertThat(result.error())
        .contains("gave up undoing after PT168H")
        .contains("step 'secrets' (paved:vault:secrets) " + SECRET + ": Vault answered 503");
    assertThat(result.steps().get(3).undo().status()).isEqualTo(Status.GAVE_UP);
    assertThat(result.steps().get(1).undo().status()).isEqualTo(Status.UNDONE);
    List<RunProgress> recorded = harness.recorded();
    assertThat(recorded).extracting(RunProgress::status).contains(RunStatus.ROLLING_BACK);
  }

  /** The secret is made (and reported), the manifests step fails, and Vault is then down. */
  private void vaultDownAfterTheSecretWasMade() {
    when(harness.secrets.vaultSecrets(any()))
        .thenAnswer(
            call -> {
              EffectsLedger.track().made(SECRET);
              return ActionResult.of(Map.of("path", "secret/team-payments/checkout"));
            });
    when(harness.manifests.k8sManifests(any()))
        .thenThrow(ApplicationFailure.newNonRetryableFailure("bad image", "InvalidInput"));
    doAnswer(
            call -> {
              if (!vaultUp.get()) {
                throw ApplicationFailure.newNonRetryableFailure(
                    "Vault answered 503", "Unavailable");
              }
              return null;
            })
        .when(harness.secrets)
        .undoVaultSecrets(any());
  }
}
