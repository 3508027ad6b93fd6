package dev.paved.workflows.goldenpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.paved.workflows.goldenpath.RunDecision.Kind;
import dev.paved.workflows.steps.ActionResult;
import dev.paved.workflows.steps.RenderRequest;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.InOrder;

/** {@code onFailure: pause}: a step that fails for good waits for an operator's decision. */
@Timeout(value = 60, unit = TimeUnit.SECONDS) // a guard against a hung run, not a timed assertion
class GoldenPathPauseTest {

  static final String BOB = "user:default/bob";
  static final ActionResult SECRETS = ActionResult.of(Map.of("path", "secret/team-payments/x"));

  @RegisterExtension final GoldenPathHarness harness = new GoldenPathHarness().withServiceOutputs();

  @Test
  void pausesOnTheFailedStepShowingItsErrorAndAttemptsAndUndoesNothing() throws Exception {
    failSecretsOnce();

    harness.start(ServiceTemplate.pausing());
    RunProgress paused = harness.awaitStatus(RunStatus.NEEDS_ATTENTION);

    assertThat(paused.failedStep()).isEqualTo("secrets");
    assertThat(paused.error()).contains("secrets", "paved:vault:secrets", "owner is not a team");
    StepProgress failed = paused.steps().get(3);
    assertThat(failed.status()).isEqualTo(StepStatus.FAILED);
    assertThat(failed.attempts()).isEqualTo(1);
    assertThat(failed.errorType()).isEqualTo("InvalidInput");
    assertThat(failed.error()).isEqualTo("owner is not a team");
    // The default pause is a week, counted from the failure.
    assertThat(paused.pausedUntil()).isEqualTo(failed.endedAt() + TimeUnit.DAYS.toMillis(7));
    assertThat(paused.steps().subList(0, 3))
        .extracting(StepProgress::status)
        .containsOnly(StepStatus.SUCCEEDED);
    harness.awaitRecorded(paused);
    verify(harness.repository, never()).undoPublishGithub(any());
    verify(harness.secrets, never()).undoVaultSecrets(any());
    verifyNoInteractions(harness.manifests, harness.catalog);
    verify(harness.workspace, never()).deleteWorkspace(any());
  }

  @Test
  void aRetryRunsTheFailedStepAgainAndGoesOnWithoutRedoingEarlierSteps() throws Exception {
    failSecretsOnce();
    WorkflowStub run = harness.start(ServiceTemplate.pausing());
    harness.awaitStatus(RunStatus.NEEDS_ATTENTION);

    RunProgress answer = harness.workflow().retry(DecisionRequest.by(BOB));

    assertThat(answer.status()).isEqualTo(RunStatus.RUNNING);
    assertThat(answer.failedStep()).isNull();
    assertThat(answer.pausedUntil()).isNull();
    RunProgress result = run.getResult(RunProgress.class);
    assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(result.error()).isNull();
    assertThat(result.steps()).extracting(StepProgress::status).containsOnly(StepStatus.SUCCEEDED);
    assertThat(result.steps().get(3).attempts()).isEqualTo(1);
    assertThat(result.decisions())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.kind()).isEqualTo(Kind.RETRY);
              assertThat(d.step()).isEqualTo("secrets");
              assertThat(d.decidedBy()).isEqualTo(BOB);
              assertThat(d.changedParameters()).isEmpty();
            });
    verify(harness.fetch, times(1)).fetchTemplate(any());
    verify(harness.repository, times(1)).publishGithub(any());
    verify(harness.dashboard, times(1)).grafanaDashboard(any());
    verify(harness.secrets, times(2)).vaultSecrets(any());
    verify(harness.manifests, times(1)).k8sManifests(any());
    verify(harness.catalog, times(1)).catalogRegister(any());
    verify(harness.repository, never()).undoPublishGithub(any());
    // The retry shows at once in Paved's record, before the retried step ends.
    assertThat(harness.recorded())
        .anySatisfy(
            r -> {
              assertThat(r.status()).isEqualTo(RunStatus.RUNNING);
              assertThat(r.decisions()).hasSize(1);
              assertThat(r.steps().get(3).status()).isEqualTo(StepStatus.FAILED);
            });
  }

  @Test
  void aRetryWithCorrectedParametersRendersTheFailedStepAndLaterOnesWithThem() throws Exception {
    RunProgress result =
        harness.retryWithCorrectedPolicy("${{ parameters.name }}", null, BOB, SECRETS);

    assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(result.decisions().get(0).changedParameters()).containsExactly("policy");
    List<RenderRequest> renders = harness.renderRequests();
    assertThat(renders)
        .extracting(r -> r.step().id())
        .containsExactly(
            "fetch", "publish", "dashboard", "secrets", "secrets", "manifests", "register");
    assertThat(renders.subList(0, 4))
        .extracting(r -> r.parameters().get("policy"))
        .containsOnly("reader");
    assertThat(renders.subList(4, 7))
        .extracting(r -> r.parameters().get("policy"))
        .containsOnly("read-only");
    verify(harness.secrets).vaultSecrets(argThat(r -> "read-only".equals(r.input().get("policy"))));
    verify(harness.repository, times(1)).publishGithub(any());
  }

  @Test
  void aRetryWithCorrectedParametersAppliesToAStepWithEachToo() throws Exception {
    RunProgress result =
        harness.retryWithCorrectedPolicy("${{ each.value }}", List.of("checkout"), BOB, SECRETS);

    assertThat(result.status()).as(result.error()).isEqualTo(RunStatus.COMPLETED);
    verify(harness.secrets).vaultSecrets(argThat(r -> "read-only".equals(r.input().get("policy"))));
  }

  @Test
  void aRollbackUndoesWhatWasMadeNewestFirstAndEndsRolledBack() throws Exception {
    failSecretsOnce();
    WorkflowStub run = harness.start(ServiceTemplate.pausing());
    harness.awaitStatus(RunStatus.NEEDS_ATTENTION);

    harness.workflow().rollback(DecisionRequest.by(BOB));
    RunProgress result = run.getResult(RunProgress.class);

    assertThat(result.status()).isEqualTo(RunStatus.ROLLED_BACK);
    assertThat(result.failedStep()).isEqualTo("secrets");
    assertThat(result.error()).contains("owner is not a team");
    assertThat(result.decisions()).extracting(RunDecision::kind).containsExactly(Kind.ROLLBACK);
    InOrder undos = inOrder(harness.secrets, harness.dashboard, harness.repository);
    undos.verify(harness.secrets).undoVaultSecrets(any());
    undos.verify(harness.dashboard).undoGrafanaDashboard(any());
    undos.verify(harness.repository).undoPublishGithub(any());
    undos.verifyNoMoreInteractions();
    verifyNoInteractions(harness.manifests, harness.catalog);
    verify(harness.workspace).deleteWorkspace(ServiceTemplate.RUN_ID);
    assertThat(harness.recorded().get(harness.recorded().size() - 1)).isEqualTo(result);
  }

  @Test
  void aPauseNobodyAnswersRollsBackWhenItsTimeoutPasses() {
    failSecretsOnce();

    // Waiting for the result lets the test environment skip the hour.
    RunProgress result =
        harness.run(
            ServiceTemplate.pausing(
                ServiceTemplate.steps(), ServiceTemplate.parameters(true), "PT1H"));

    assertThat(result.status()).isEqualTo(RunStatus.ROLLED_BACK);
    assertThat(result.error()).contains("owner is not a team", "nobody decided within PT1H");
    assertThat(result.decisions())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.kind()).isEqualTo(Kind.PAUSE_TIMEOUT);
              assertThat(d.decidedBy()).isNull();
            });
    RunProgress paused =
        harness.recorded().stream()
            .filter(r -> r.status() == RunStatus.NEEDS_ATTENTION)
            .findFirst()
            .orElseThrow();
    long failedAt = paused.steps().get(3).endedAt();
    assertThat(paused.pausedUntil()).isEqualTo(failedAt + TimeUnit.HOURS.toMillis(1));
    // Not a moment before the deadline (the task that notices the timer may start a little after).
    assertThat(result.decisions().get(0).at()).isGreaterThanOrEqualTo(paused.pausedUntil());
    verify(harness.repository).undoPublishGithub(any());
    verify(harness.secrets).undoVaultSecrets(any());
  }

  @Test
  void aRetriedStepIsUndoneOnceWhenALaterStepFailsAndTheRunRollsBack() throws Exception {
    failSecretsOnce();
    when(harness.manifests.k8sManifests(any()))
        .thenThrow(ApplicationFailure.newNonRetryableFailure("no image", "InvalidInput"));
    WorkflowStub run = harness.start(ServiceTemplate.pausing());
    harness.awaitStatus(RunStatus.NEEDS_ATTENTION);
    harness.workflow().retry(DecisionRequest.by(BOB));

    // Paused again, on the next failure.
    RunProgress pausedAgain =
        harness.awaitProgress(
            "a pause on manifests",
            p -> p.status() == RunStatus.NEEDS_ATTENTION && "manifests".equals(p.failedStep()));
    assertThat(pausedAgain.steps().get(3).status()).isEqualTo(StepStatus.SUCCEEDED);
    harness.workflow().rollback(DecisionRequest.by(BOB));
    RunProgress result = run.getResult(RunProgress.class);

    assertThat(result.status()).isEqualTo(RunStatus.ROLLED_BACK);
    assertThat(result.decisions())
        .extracting(RunDecision::kind, RunDecision::step)
        .containsExactly(tuple(Kind.RETRY, "secrets"), tuple(Kind.ROLLBACK, "manifests"));
    verify(harness.secrets, times(1)).undoVaultSecrets(any());
    verify(harness.repository, times(1)).undoPublishGithub(any());
  }

  @Test
  void onFailureRollbackNeitherPausesNorStartsATimer() {
    failSecretsOnce();

    RunProgress result = harness.run(ServiceTemplate.run(true));

    assertThat(result.status()).isEqualTo(RunStatus.ROLLED_BACK);
    assertThat(result.decisions()).isEmpty();
    assertThat(harness.recorded())
        .extracting(RunProgress::status)
        .doesNotContain(RunStatus.NEEDS_ATTENTION);
    assertThat(harness.history().getEvents())
        .noneMatch(e -> e.getEventType() == EventType.EVENT_TYPE_TIMER_STARTED);
    verify(harness.secrets, times(1)).vaultSecrets(any());
  }

  private void failSecretsOnce() {
    when(harness.secrets.vaultSecrets(any()))
        .thenThrow(ApplicationFailure.newNonRetryableFailure("owner is not a team", "InvalidInput"))
        .thenReturn(SECRETS);
  }
}
