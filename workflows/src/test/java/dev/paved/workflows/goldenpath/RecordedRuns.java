package dev.paved.workflows.goldenpath;

import static dev.paved.workflows.goldenpath.ServiceTemplate.CONTENTS_URL;
import static dev.paved.workflows.goldenpath.ServiceTemplate.REMOTE_URL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.when;

import dev.paved.workflows.steps.ActionResult;
import dev.paved.workflows.steps.EffectsLedger;
import dev.paved.workflows.steps.StepPlan;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The representative runs whose histories are kept under {@code src/test/resources/histories}: a
 * run that completes (one step retried by its policy, one skipped), one that rolls back at once
 * ({@code onFailure: rollback}), and runs that pause on a failed step ({@code onFailure: pause})
 * and are then retried as they were, retried with a corrected parameter, rolled back, cancelled, or
 * left alone until the pause times out; and one with a step repeated by {@code each}.
 */
final class RecordedRuns {

  static final String COMPLETED = "completed";
  static final String ROLLED_BACK = "rolled-back";
  static final String PAUSED_AND_RESUMED = "paused-and-resumed";
  static final String RETRIED_WITH_PARAMETERS = "retried-with-corrected-parameters";
  static final String PAUSED_THEN_ROLLED_BACK = "paused-then-rolled-back";
  static final String PAUSED_THEN_CANCELLED = "paused-then-cancelled";
  static final String PAUSE_TIMED_OUT = "pause-timed-out";
  static final String EACH = "each";
  static final String APPROVED = "approved-by-quorum";
  static final String APPROVAL_REJECTED = "approval-rejected";
  static final String SPECS_IN_PLAN = "rolled-back-with-specs-in-plan";
  static final String UNDO_LATER = "undo-left-then-tried-now";
  static final String COMPLETED_AT_WAITS = "completed-records-at-waits";
  static final String APPROVED_AT_WAITS = "approved-records-at-waits";
  static final List<String> NAMES =
      List.of(
          COMPLETED,
          ROLLED_BACK,
          PAUSED_AND_RESUMED,
          RETRIED_WITH_PARAMETERS,
          PAUSED_THEN_ROLLED_BACK,
          PAUSED_THEN_CANCELLED,
          PAUSE_TIMED_OUT,
          EACH,
          APPROVED,
          APPROVAL_REJECTED,
          SPECS_IN_PLAN,
          UNDO_LATER,
          COMPLETED_AT_WAITS,
          APPROVED_AT_WAITS);

  static final String OPERATOR = "user:default/bob";

  private RecordedRuns() {}

  /** Runs the named scenario in a fresh test environment and returns its history as JSON. */
  static String record(String name) {
    try (GoldenPathHarness harness = new GoldenPathHarness()) {
      RunProgress result = run(name, harness);
      assertThat(result.status()).as(name).isEqualTo(expected(name));
      return harness.history().toJson(true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String resource(String name) {
    return "/histories/" + name + ".json";
  }

  static RunStatus expected(String name) {
    return switch (name) {
      case COMPLETED, PAUSED_AND_RESUMED, RETRIED_WITH_PARAMETERS, EACH, COMPLETED_AT_WAITS ->
          RunStatus.COMPLETED;
      case ROLLED_BACK, PAUSED_THEN_ROLLED_BACK, PAUSE_TIMED_OUT, SPECS_IN_PLAN, UNDO_LATER ->
          RunStatus.ROLLED_BACK;
      case PAUSED_THEN_CANCELLED -> RunStatus.CANCELLED;
      case APPROVED, APPROVED_AT_WAITS -> RunStatus.COMPLETED;
      case APPROVAL_REJECTED -> RunStatus.REJECTED;
      default -> throw new IllegalArgumentException("no recorded run named " + name);
    };
  }

  private static RunProgress run(String name, GoldenPathHarness harness)
      throws InterruptedException {
    when(harness.repository.publishGithub(any()))
        .thenReturn(
            ActionResult.of(Map.of("remoteUrl", REMOTE_URL, "repoContentsUrl", CONTENTS_URL)));
    ActionResult secrets = ActionResult.of(Map.of("path", "secret/team-payments/checkout"));
    ApplicationFailure notATeam =
        ApplicationFailure.newNonRetryableFailure("owner is not a team", "InvalidInput");
    switch (name) {
      case COMPLETED, COMPLETED_AT_WAITS -> {
        when(harness.repository.publishGithub(any()))
            .thenThrow(ApplicationFailure.newFailure("GitHub answered 502", "Unavailable"))
            .thenReturn(
                ActionResult.of(Map.of("remoteUrl", REMOTE_URL, "repoContentsUrl", CONTENTS_URL)));
        when(harness.secrets.vaultSecrets(any())).thenReturn(secrets);
        return harness.run(ServiceTemplate.run(false));
      }
      case ROLLED_BACK -> {
        when(harness.secrets.vaultSecrets(any())).thenThrow(notATeam);
        return harness.run(ServiceTemplate.run(true));
      }
      case SPECS_IN_PLAN -> {
        when(harness.secrets.vaultSecrets(any())).thenThrow(notATeam);
        return harness.run(
            ServiceTemplate.run(ServiceTemplate.withSpecs(ServiceTemplate.steps()), true));
      }
      case PAUSE_TIMED_OUT -> {
        when(harness.secrets.vaultSecrets(any())).thenThrow(notATeam);
        return harness.run(
            ServiceTemplate.pausing(
                ServiceTemplate.steps(), ServiceTemplate.parameters(true), "PT1H"));
      }
      case RETRIED_WITH_PARAMETERS -> {
        return retriedWithCorrectedParameters(harness, secrets);
      }
      case APPROVED, APPROVAL_REJECTED, APPROVED_AT_WAITS -> {
        when(harness.secrets.vaultSecrets(any())).thenReturn(secrets);
        return approval(harness, name);
      }
      case EACH -> {
        when(harness.secrets.vaultSecrets(any())).thenReturn(secrets);
        return harness.run(ServiceTemplate.run(eachSteps(), false));
      }
      case UNDO_LATER -> {
        return undoLeftThenTriedNow(harness);
      }
      default -> {
        when(harness.secrets.vaultSecrets(any())).thenThrow(notATeam).thenReturn(secrets);
        WorkflowStub run = harness.start(ServiceTemplate.pausing());
        harness.awaitStatus(RunStatus.NEEDS_ATTENTION);
        DecisionRequest decision = DecisionRequest.by(OPERATOR);
        switch (name) {
          case PAUSED_AND_RESUMED -> harness.workflow().retry(decision);
          case PAUSED_THEN_ROLLED_BACK -> harness.workflow().rollback(decision);
          case PAUSED_THEN_CANCELLED -> harness.workflow().cancel(decision);
          default -> throw new IllegalArgumentException("no recorded run named " + name);
        }
        return run.getResult(RunProgress.class);
      }
    }
  }

  /** Waits for two approvals: pat and bob approve, or pat approves and bob rejects. */
  private static RunProgress approval(GoldenPathHarness harness, String name)
      throws InterruptedException {
    WorkflowStub run =
        harness.start(
            ServiceTemplate.run(
                GoldenPathApprovalTest.withApproval(GoldenPathApprovalTest.approvers(2, "PT72H")),
                false));
    harness.awaitStatus(RunStatus.WAITING_APPROVAL);
    harness
        .workflow()
        .approval(
            new dev.paved.workflows.approval.DecisionRequest(
                GoldenPathApprovalTest.PAT, "approve", "ok"));
    harness
        .workflow()
        .approval(
            new dev.paved.workflows.approval.DecisionRequest(
                GoldenPathApprovalTest.BOB,
                name.equals(APPROVAL_REJECTED) ? "reject" : "approve",
                "second look"));
    return run.getResult(RunProgress.class);
  }

  /** The publish step repeated by {@code each} over two repositories. */
  private static List<StepPlan> eachSteps() {
    List<StepPlan> steps = new ArrayList<>(ServiceTemplate.steps());
    StepPlan publish = steps.get(1);
    steps.set(
        1,
        new StepPlan(
            publish.id(),
            publish.name(),
            publish.action(),
            Map.of("repoUrl", "github.com?owner=acme&repo=${{ each.value }}"),
            null,
            List.of("checkout", "checkout-docs")));
    return steps;
  }

  /**
   * Every step reports what it made; manifests fails for good; Vault is down for the first pass of
   * the secrets' undo, so the run shows ROLLING_BACK with a later try a minute away; Vault is back
   * and an operator's rollback decision tries it at once.
   */
  private static RunProgress undoLeftThenTriedNow(GoldenPathHarness harness) {
    when(harness.repository.publishGithub(any()))
        .thenAnswer(
            call -> {
              EffectsLedger.track().made("github repository acme/checkout");
              return ActionResult.of(
                  Map.of("remoteUrl", REMOTE_URL, "repoContentsUrl", CONTENTS_URL));
            });
    when(harness.dashboard.grafanaDashboard(any()))
        .thenAnswer(
            call -> {
              EffectsLedger.track().made("grafana dashboard team-payments-checkout");
              return ActionResult.of(Map.of("uid", "team-payments-checkout"));
            });
    when(harness.secrets.vaultSecrets(any()))
        .thenAnswer(
            call -> {
              EffectsLedger.track().made("vault secret secret/team-payments/checkout");
              return ActionResult.of(Map.of("path", "secret/team-payments/checkout"));
            });
    when(harness.manifests.k8sManifests(any()))
        .thenThrow(ApplicationFailure.newNonRetryableFailure("bad image", "InvalidInput"));
    AtomicBoolean vaultUp = new AtomicBoolean();
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
    WorkflowStub run = harness.start(ServiceTemplate.run(true));
    harness.awaitStatus(RunStatus.ROLLING_BACK);
    vaultUp.set(true);
    harness.workflow().rollback(DecisionRequest.by(OPERATOR));
    return run.getResult(RunProgress.class);
  }

  /** Vault refuses the policy the form named; the operator corrects it and retries. */
  private static RunProgress retriedWithCorrectedParameters(
      GoldenPathHarness harness, ActionResult secrets) throws InterruptedException {
    return harness.retryWithCorrectedPolicy("${{ parameters.name }}", null, OPERATOR, secrets);
  }
}
