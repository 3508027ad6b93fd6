package dev.paved.workflows.goldenpath;

import static dev.paved.workflows.goldenpath.GoldenPathPauseTest.BOB;
import static dev.paved.workflows.goldenpath.GoldenPathPauseTest.SECRETS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.paved.workflows.goldenpath.RunDecision.Kind;
import dev.paved.workflows.steps.ActionResult;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mockito.InOrder;

/**
 * The decisions' validators refuse what does not fit the run's state before anything enters
 * history; cancellation stops a running run between steps and a paused one at once.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS) // a guard against a hung run, not a timed assertion
class GoldenPathDecisionTest {

  private GoldenPathHarness harness;
  private final CountDownLatch started = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private final List<String> events = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startEnvironment() {
    harness = new GoldenPathHarness().withServiceOutputs();
  }

  @AfterEach
  void stopEnvironment() {
    release.countDown();
    harness.close();
  }

  @Test
  void aRunningRunCannotBeRetriedOrRolledBackAndTheRefusalsLeaveNoTrace() throws Exception {
    blockSecrets();
    WorkflowStub run = harness.start(ServiceTemplate.pausing());
    assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

    assertRefused(
        () -> harness.workflow().retry(DecisionRequest.by(BOB)),
        "run " + ServiceTemplate.RUN_ID + " is running: only a run that needs attention");
    assertRefused(() -> harness.workflow().rollback(DecisionRequest.by(BOB)), "cancel it instead");
    release.countDown();

    RunProgress result = run.getResult(RunProgress.class);
    assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(result.decisions()).isEmpty();
    assertThat(harness.history().getEvents())
        .extracting(HistoryEvent::getEventType)
        .noneMatch(type -> type.name().contains("UPDATE"));
  }

  @Test
  void aDecisionMustNameWhoTookIt() throws Exception {
    failSecretsOnce();
    WorkflowStub run = harness.start(ServiceTemplate.pausing());
    harness.awaitStatus(RunStatus.NEEDS_ATTENTION);

    assertRefused(
        () -> harness.workflow().retry(DecisionRequest.by(" ")), "name the user who takes it");
    assertThat(harness.progress().status()).isEqualTo(RunStatus.NEEDS_ATTENTION);
    harness.workflow().retry(DecisionRequest.by(BOB));
    assertThat(run.getResult(RunProgress.class).status()).isEqualTo(RunStatus.COMPLETED);
  }

  @Test
  void onceARollbackIsDecidedNoOtherDecisionFits() throws Exception {
    failSecretsOnce();
    doAnswer(
            call -> {
              started.countDown();
              release.await(30, TimeUnit.SECONDS);
              return null;
            })
        .when(harness.repository)
        .undoPublishGithub(any());
    WorkflowStub run = harness.start(ServiceTemplate.pausing());
    harness.awaitStatus(RunStatus.NEEDS_ATTENTION);
    harness.workflow().rollback(DecisionRequest.by(BOB));
    assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

    assertRefused(() -> harness.workflow().retry(DecisionRequest.by(BOB)), "is ending");
    assertRefused(() -> harness.workflow().rollback(DecisionRequest.by(BOB)), "is ending");
    assertRefused(() -> harness.workflow().cancel(DecisionRequest.by(BOB)), "already ending");
    release.countDown();

    RunProgress result = run.getResult(RunProgress.class);
    assertThat(result.status()).isEqualTo(RunStatus.ROLLED_BACK);
    assertThat(result.decisions()).extracting(RunDecision::kind).containsExactly(Kind.ROLLBACK);
  }

  @Test
  void cancellingARunningRunCutsItsStepOffAndUndoesWhatItMade() throws Exception {
    blockSecrets();
    doAnswer(call -> events.add("secrets undone")).when(harness.secrets).undoVaultSecrets(any());
    WorkflowStub run = harness.start(ServiceTemplate.pausing());
    assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

    RunProgress answer = harness.workflow().cancel(DecisionRequest.by(BOB));
    assertThat(answer.status()).isEqualTo(RunStatus.RUNNING);
    // The step is cut off at once: the run is being cancelled, or already undoing.
    assertRefused(() -> harness.workflow().cancel(DecisionRequest.by(BOB)), "already");
    release.countDown();

    // Unlike Temporal's cancellation, the decision lets the workflow end normally, as CANCELLED.
    RunProgress result = run.getResult(RunProgress.class);
    assertThat(result.status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(result.error()).contains("cancelled");
    assertThat(result.decisions())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.kind()).isEqualTo(Kind.CANCEL);
              assertThat(d.decidedBy()).isEqualTo(BOB);
            });
    // Undone at once, and again once the cut-off step can no longer be running: what it made
    // after the first undo is gone too.
    assertThat(events).containsOnlyOnce("secrets made").endsWith("secrets undone");
    assertThat(events).filteredOn("secrets undone"::equals).hasSize(2);
    verifyNoInteractions(harness.manifests, harness.catalog);
    verify(harness.dashboard).undoGrafanaDashboard(any());
    verify(harness.repository).undoPublishGithub(any());
    assertThat(result.steps().subList(1, 3))
        .extracting(StepProgress::status)
        .containsOnly(StepStatus.COMPENSATED);
    StepProgress secrets = result.steps().get(3);
    assertThat(secrets.status()).isEqualTo(StepStatus.FAILED);
    assertThat(secrets.error()).isEqualTo("cancelled");
    assertThat(secrets.undo().status()).isEqualTo(UndoProgress.Status.UNDONE);
  }

  @Test
  void cancellingAPausedRunUndoesWhatItMadeAndEndsCancelled() throws Exception {
    failSecretsOnce();
    WorkflowStub run = harness.start(ServiceTemplate.pausing());
    harness.awaitStatus(RunStatus.NEEDS_ATTENTION);

    harness.workflow().cancel(DecisionRequest.by(BOB));
    RunProgress result = run.getResult(RunProgress.class);

    assertThat(result.status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(result.failedStep()).isEqualTo("secrets");
    assertThat(result.error()).contains("cancelled", "owner is not a team");
    assertThat(result.decisions())
        .extracting(RunDecision::kind, RunDecision::step)
        .containsExactly(tuple(Kind.CANCEL, "secrets"));
    InOrder undos = inOrder(harness.secrets, harness.dashboard, harness.repository);
    undos.verify(harness.secrets).undoVaultSecrets(any());
    undos.verify(harness.dashboard).undoGrafanaDashboard(any());
    undos.verify(harness.repository).undoPublishGithub(any());
  }

  @Test
  void temporalsOwnCancellationOfAPausedRunUndoesToo() throws Exception {
    failSecretsOnce();
    WorkflowStub run = harness.start(ServiceTemplate.pausing());
    harness.awaitStatus(RunStatus.NEEDS_ATTENTION);

    run.cancel();

    assertThatThrownBy(() -> run.getResult(RunProgress.class))
        .isInstanceOf(WorkflowFailedException.class);
    RunProgress result = harness.progress();
    assertThat(result.status()).isEqualTo(RunStatus.CANCELLED);
    verify(harness.repository).undoPublishGithub(any());
    verify(harness.secrets).undoVaultSecrets(any());
    verify(harness.workspace).deleteWorkspace(ServiceTemplate.RUN_ID);
  }

  @Test
  void aDecisionOnAnEndedRunFindsNoRunningWorkflow() {
    RunProgress result = harness.run(ServiceTemplate.pausing());
    assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);

    // Not a refusal by the validator: the API answers it from Paved's record.
    assertThatThrownBy(() -> harness.workflow().retry(DecisionRequest.by(BOB)))
        .isInstanceOf(WorkflowNotFoundException.class);
  }

  private void blockSecrets() {
    when(harness.secrets.vaultSecrets(any()))
        .thenAnswer(
            call -> {
              started.countDown();
              release.await(30, TimeUnit.SECONDS);
              events.add("secrets made");
              return SECRETS;
            });
  }

  private void failSecretsOnce() {
    when(harness.secrets.vaultSecrets(any()))
        .thenThrow(ApplicationFailure.newNonRetryableFailure("owner is not a team", "InvalidInput"))
        .thenReturn(ActionResult.of(Map.of("path", "secret/team-payments/checkout")));
  }

  private static void assertRefused(ThrowingCallable decision, String reason) {
    assertThatThrownBy(decision)
        .isInstanceOf(WorkflowUpdateException.class)
        .cause()
        // The harness fails the workflow on any exception type, so the SDK wraps the validator's
        // failure (and its type); the reason survives, and it is what the API answers.
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> assertThat(failure.getOriginalMessage()).contains(reason));
  }
}
