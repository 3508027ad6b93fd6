package dev.paved.workflows.goldenpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.paved.workflows.steps.ActionSpec;
import dev.paved.workflows.steps.StepClass;
import dev.paved.workflows.steps.StepLimits;
import dev.paved.workflows.steps.StepPlan;
import dev.paved.workflows.steps.TaskQueues;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.InOrder;

/** A step that fails for good: what is undone, in which order, and how the run ends. */
@Timeout(value = 60, unit = TimeUnit.SECONDS) // a guard against a hung run, not a timed assertion
class GoldenPathRollbackTest {

  @RegisterExtension final GoldenPathHarness harness = new GoldenPathHarness().withServiceOutputs();

  @Test
  void undoesWhatWasMadeNewestFirstWhenAStepFailsForGood() {
    when(harness.secrets.vaultSecrets(any()))
        .thenThrow(
            ApplicationFailure.newNonRetryableFailure("owner is not a team", "InvalidInput"));

    RunProgress result = harness.run(ServiceTemplate.run(true));

    verify(harness.secrets, times(1)).vaultSecrets(any());
    InOrder undos = inOrder(harness.secrets, harness.dashboard, harness.repository);
    // The failed step's own undo runs too: it was registered before the step, which may have
    // made part of its work.
    undos.verify(harness.secrets).undoVaultSecrets(argThat(r -> r.stepId().equals("secrets")));
    undos
        .verify(harness.dashboard)
        .undoGrafanaDashboard(argThat(r -> r.stepId().equals("dashboard")));
    undos.verify(harness.repository).undoPublishGithub(argThat(r -> r.stepId().equals("publish")));
    undos.verifyNoMoreInteractions();
    verifyNoInteractions(harness.manifests, harness.catalog);
    verify(harness.workspace).deleteWorkspace(ServiceTemplate.RUN_ID);

    assertThat(result.status()).isEqualTo(RunStatus.ROLLED_BACK);
    assertThat(result.failedStep()).isEqualTo("secrets");
    assertThat(result.error()).contains("secrets", "paved:vault:secrets", "owner is not a team");
    assertThat(result.output()).isEmpty();
    assertThat(result.steps())
        .extracting(StepProgress::status)
        .containsExactly(
            StepStatus.SUCCEEDED, // fetch has no undo: its files die with the workspace
            StepStatus.COMPENSATED,
            StepStatus.COMPENSATED,
            StepStatus.FAILED,
            StepStatus.PENDING,
            StepStatus.PENDING);
    StepProgress failed = result.steps().get(3);
    assertThat(failed.attempts()).isEqualTo(1);
    assertThat(failed.errorType()).isEqualTo("InvalidInput");
    assertThat(failed.error()).isEqualTo("owner is not a team");
    assertThat(failed.endedAt()).isNotNull();
    assertThat(harness.progress()).isEqualTo(result);
    assertThat(harness.recorded().get(harness.recorded().size() - 1)).isEqualTo(result);
  }

  @Test
  void rollsBackWhenARetryableFailureExhaustsItsAttempts() {
    when(harness.manifests.k8sManifests(any()))
        .thenThrow(ApplicationFailure.newFailure("disk full", "Unavailable"));

    RunProgress result = harness.run(ServiceTemplate.run(true));

    // paved:k8s:manifests is a workspace step: three attempts.
    verify(harness.manifests, times(3)).k8sManifests(any());
    InOrder undos = inOrder(harness.secrets, harness.dashboard, harness.repository);
    undos.verify(harness.secrets).undoVaultSecrets(any());
    undos.verify(harness.dashboard).undoGrafanaDashboard(any());
    undos.verify(harness.repository).undoPublishGithub(any());
    verifyNoInteractions(harness.catalog);
    assertThat(result.status()).isEqualTo(RunStatus.ROLLED_BACK);
    assertThat(result.failedStep()).isEqualTo("manifests");
    StepProgress failed = result.steps().get(4);
    assertThat(failed.status()).isEqualTo(StepStatus.FAILED);
    assertThat(failed.attempts()).isEqualTo(3);
    assertThat(failed.errorType()).isEqualTo("Unavailable");
    assertThat(failed.error()).isEqualTo("disk full");
    assertThat(result.steps().get(3).status()).isEqualTo(StepStatus.COMPENSATED);
  }

  @Test
  void doesNotUndoASkippedStep() {
    when(harness.secrets.vaultSecrets(any()))
        .thenThrow(ApplicationFailure.newNonRetryableFailure("taken", "Conflict"));

    RunProgress result = harness.run(ServiceTemplate.run(false));

    verifyNoInteractions(harness.dashboard);
    verify(harness.repository).undoPublishGithub(any());
    assertThat(result.steps().get(2).status()).isEqualTo(StepStatus.SKIPPED);
    assertThat(result.steps().get(3).errorType()).isEqualTo("Conflict");
  }

  @Test
  void endsFailedAndNamesTheUndoLeftWhenItsLaterTriesRunOut() {
    when(harness.secrets.vaultSecrets(any()))
        .thenThrow(
            ApplicationFailure.newNonRetryableFailure("owner is not a team", "InvalidInput"));
    doThrow(ApplicationFailure.newNonRetryableFailure("dashboard is locked", "Unauthorized"))
        .when(harness.dashboard)
        .undoGrafanaDashboard(any());

    RunProgress result = harness.run(ServiceTemplate.run(true));

    // Tried in the first pass and then again later, up to an hour apart, for the plan's week.
    verify(harness.dashboard, atLeast(100)).undoGrafanaDashboard(any());
    // One undo failing does not stop the others.
    verify(harness.repository).undoPublishGithub(any());
    assertThat(result.status()).isEqualTo(RunStatus.FAILED);
    assertThat(result.failedStep()).isEqualTo("secrets");
    assertThat(result.error())
        .contains("owner is not a team")
        .contains("gave up undoing after PT168H")
        .contains("step 'dashboard' (paved:grafana:dashboard): dashboard is locked");
    StepProgress dashboard = result.steps().get(2);
    assertThat(dashboard.status()).isNotEqualTo(StepStatus.COMPENSATED);
    assertThat(dashboard.undo().status()).isEqualTo(UndoProgress.Status.GAVE_UP);
    assertThat(dashboard.undo().error()).isEqualTo("dashboard is locked");
    assertThat(dashboard.undo().attempts()).isGreaterThan(100);
    assertThat(result.steps().get(1).status()).isEqualTo(StepStatus.COMPENSATED);
    assertThat(result.steps().get(1).undo().status()).isEqualTo(UndoProgress.Status.UNDONE);
    List<RunProgress> recorded = harness.recorded();
    assertThat(recorded).extracting(RunProgress::status).contains(RunStatus.ROLLING_BACK);
    assertThat(recorded.get(recorded.size() - 1).status()).isEqualTo(RunStatus.FAILED);
  }

  @Test
  void failsAnUnknownActionWithoutCallingAnything() {
    StepPlan unknown =
        new StepPlan("secrets", "Secrets", "acme:unknown", Map.of("name", "checkout"), null);

    RunProgress result =
        harness.run(ServiceTemplate.run(ServiceTemplate.withStep(3, unknown), true));

    assertThat(result.status()).isEqualTo(RunStatus.ROLLED_BACK);
    assertThat(result.failedStep()).isEqualTo("secrets");
    assertThat(result.error()).contains("unknown action 'acme:unknown'");
    assertThat(result.steps().get(3).errorType()).isEqualTo("InvalidInput");
    assertThat(result.steps().get(3).status()).isEqualTo(StepStatus.FAILED);
    // Rendered only the three steps before it; nothing ran for the unknown one.
    assertThat(harness.renderRequests())
        .extracting(r -> r.step().id())
        .containsExactly("fetch", "publish", "dashboard");
    verify(harness.secrets, never()).vaultSecrets(any());
    verify(harness.secrets, never()).undoVaultSecrets(any());
    verifyNoInteractions(harness.manifests, harness.catalog);
    verify(harness.dashboard).undoGrafanaDashboard(any());
    verify(harness.repository).undoPublishGithub(any());
  }

  @Test
  void runsTheActivitiesItsPlanNamesNotTheLegacyTable() {
    // An action id the legacy table does not know, whose spec in the plan names real activities.
    StepPlan secrets =
        new StepPlan(
            "secrets",
            "Secrets",
            "acme:secrets",
            Map.of("name", "checkout"),
            null,
            null,
            new ActionSpec(
                "acme:secrets",
                "VaultSecrets",
                "UndoVaultSecrets",
                StepClass.EXTERNAL,
                TaskQueues.GOLDEN_PATH,
                StepLimits.defaults(StepClass.EXTERNAL),
                StepLimits.undoDefaults()));
    when(harness.secrets.vaultSecrets(any()))
        .thenThrow(
            ApplicationFailure.newNonRetryableFailure("owner is not a team", "InvalidInput"));

    RunProgress result =
        harness.run(ServiceTemplate.run(ServiceTemplate.withStep(3, secrets), true));

    assertThat(result.status()).isEqualTo(RunStatus.ROLLED_BACK);
    assertThat(result.error()).contains("owner is not a team");
    verify(harness.secrets).vaultSecrets(any());
    verify(harness.secrets).undoVaultSecrets(any());
  }

  @Test
  void rollsBackWhenAStepFailsToRender() {
    StepPlan broken =
        new StepPlan(
            "secrets", "Secrets", "paved:vault:secrets", Map.of("x", "${{ nonsense }}"), null);
    doThrow(ApplicationFailure.newNonRetryableFailure("unknown variable", "InvalidInput"))
        .when(harness.render)
        .renderStep(argThat(r -> r.step().id().equals("secrets")));

    RunProgress result =
        harness.run(ServiceTemplate.run(ServiceTemplate.withStep(3, broken), true));

    assertThat(result.status()).isEqualTo(RunStatus.ROLLED_BACK);
    assertThat(result.steps().get(3).error()).isEqualTo("unknown variable");
    verify(harness.secrets, never()).vaultSecrets(any());
    // Never registered: the step did not start.
    verify(harness.secrets, never()).undoVaultSecrets(any());
    verify(harness.repository).undoPublishGithub(any());
    assertThat(List.of(result.steps().get(1).status(), result.steps().get(2).status()))
        .containsOnly(StepStatus.COMPENSATED);
  }

  @Test
  void stillEndsTheRunWhenItsOutputFailsToRender() {
    doThrow(ApplicationFailure.newNonRetryableFailure("unknown filter 'shout'", "InvalidInput"))
        .when(harness.render)
        .renderOutput(any());

    RunProgress result = harness.run(ServiceTemplate.run(true));

    // Every step made what it should: the service stays, the broken output is reported.
    assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(result.error()).contains("output", "unknown filter 'shout'");
    assertThat(result.output()).isEmpty();
    verify(harness.repository, never()).undoPublishGithub(any());
    verify(harness.workspace).deleteWorkspace(ServiceTemplate.RUN_ID);
    assertThat(harness.recorded().get(harness.recorded().size() - 1)).isEqualTo(result);
  }

  @Test
  void aWorkspaceThatCannotBeDeletedDoesNotKeepTheEndFromBeingRecorded() {
    doThrow(ApplicationFailure.newNonRetryableFailure("disk gone", "Unavailable"))
        .when(harness.workspace)
        .deleteWorkspace(any());

    RunProgress result = harness.run(ServiceTemplate.run(true));

    assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
    List<RunProgress> recorded = harness.recorded();
    assertThat(recorded.get(recorded.size() - 1).status()).isEqualTo(RunStatus.COMPLETED);
  }
}
