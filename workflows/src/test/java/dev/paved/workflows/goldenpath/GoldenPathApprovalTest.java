package dev.paved.workflows.goldenpath;

import static dev.paved.workflows.approval.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import dev.paved.workflows.approval.Caller;
import dev.paved.workflows.approval.Decision;
import dev.paved.workflows.approval.DecisionRequest;
import dev.paved.workflows.goldenpath.RunApproval.Outcome;
import dev.paved.workflows.steps.ActionResult;
import dev.paved.workflows.steps.StepPlan;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowStub;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A {@code paved:approval} step holds the run until its approvers decide: the requester and
 * non-approvers are refused before anything enters history, a quorum counts each approver once, a
 * rejection or the timeout undoes what the run made.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS) // a guard against a hung run, not a timed assertion
class GoldenPathApprovalTest {

  static final Caller ALICE = new Caller(ServiceTemplate.REQUESTED_BY, List.of("team-payments"));
  static final Caller BOB = new Caller("bob", List.of("team-payments"));
  static final Caller CAROL = new Caller("carol", List.of("team-search"));
  static final Caller PAT = new Caller("pat", List.of("platform"));

  @RegisterExtension
  final GoldenPathHarness harness =
      new GoldenPathHarness(GoldenPathWorkflowImpl.class, false).withServiceOutputs();

  private final List<String> events = new CopyOnWriteArrayList<>();

  /** The service template with an approval step after the repository is published. */
  static List<StepPlan> withApproval(Map<String, Object> input) {
    List<StepPlan> steps = new ArrayList<>(ServiceTemplate.steps());
    steps.add(2, new StepPlan("approve", "Production approval", "paved:approval", input, null));
    return steps;
  }

  static Map<String, Object> approvers(Object quorum, String timeout) {
    return Map.of(
        "approvers",
        "group:default/${{ parameters.owner }}, group:default/platform",
        "minApprovals",
        quorum,
        "timeout",
        timeout,
        "message",
        "Create ${{ parameters.name }} in production?");
  }

  private WorkflowStub start(Map<String, Object> input) {
    doAnswer(
            call -> {
              events.add("secrets");
              return ActionResult.of(Map.of("path", "secret/team-payments/checkout"));
            })
        .when(harness.secrets)
        .vaultSecrets(any());
    doAnswer(call -> events.add("publish undone"))
        .when(harness.repository)
        .undoPublishGithub(any());
    return harness.start(ServiceTemplate.run(withApproval(input), false));
  }

  @Test
  void theRunWaitsShowsWhoMayDecideAndGoesOnOnceApproved() throws Exception {
    WorkflowStub run = start(approvers(1, "PT72H"));
    RunProgress waiting = harness.awaitStatus(RunStatus.WAITING_APPROVAL);

    RunApproval approval = waiting.waitingApproval().orElseThrow();
    assertThat(approval.approvers()).containsExactly("team-payments", "platform");
    assertThat(approval.minApprovals()).isEqualTo(1);
    assertThat(approval.message()).isEqualTo("Create checkout in production?");
    assertThat(approval.deadline() - approval.since()).isEqualTo(TimeUnit.HOURS.toMillis(72));
    assertThat(events).isEmpty();
    assertThat(harness.recorded())
        .last()
        .extracting(RunProgress::status)
        .isEqualTo(RunStatus.WAITING_APPROVAL);

    RunProgress answered = approve(PAT, "looks right");

    assertThat(answered.status()).isEqualTo(RunStatus.RUNNING);
    RunProgress result = run.getResult(RunProgress.class);
    assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(step(result, "approve").output()).isEqualTo(Map.of("approvedBy", List.of("pat")));
    assertThat(result.approvals())
        .singleElement()
        .satisfies(
            done -> {
              assertThat(done.outcome()).isEqualTo(Outcome.APPROVED);
              assertThat(done.decisions())
                  .extracting(Decision::user, Decision::decision, Decision::comment)
                  .containsExactly(
                      org.assertj.core.groups.Tuple.tuple("pat", "approve", "looks right"));
            });
    assertThat(events).containsExactly("secrets");
  }

  @Test
  void theRequesterANonApproverAndABadDecisionAreRefusedWithoutATrace() throws Exception {
    WorkflowStub run = start(approvers(1, "PT72H"));
    harness.awaitStatus(RunStatus.WAITING_APPROVAL);

    assertThat(refusal(() -> approve(ALICE, "mine"))).isEqualTo("Forbidden");
    assertThat(refusal(() -> approve(CAROL, ""))).isEqualTo("Forbidden");
    assertThat(refusal(() -> harness.workflow().approval(new DecisionRequest(BOB, "maybe", ""))))
        .isEqualTo("Invalid");
    assertThat(harness.history().getEvents())
        .extracting(HistoryEvent::getEventType)
        .noneMatch(type -> type.name().contains("UPDATE"));

    harness.workflow().approval(new DecisionRequest(BOB, DecisionRequest.APPROVE, ""));
    assertThat(run.getResult(RunProgress.class).status()).isEqualTo(RunStatus.COMPLETED);
    assertThatThrownBy(() -> approve(PAT, "late")).isInstanceOf(WorkflowNotFoundException.class);
  }

  @Test
  void aQuorumCountsEachApproverOnce() throws Exception {
    WorkflowStub run = start(approvers("2", "PT72H"));
    harness.awaitStatus(RunStatus.WAITING_APPROVAL);

    RunProgress afterBob = approve(BOB, "");
    assertThat(afterBob.status()).isEqualTo(RunStatus.WAITING_APPROVAL);
    assertThat(afterBob.waitingApproval().orElseThrow().approvals()).isEqualTo(1);
    assertThat(refusal(() -> approve(BOB, "again"))).isEqualTo("Conflict");
    harness.awaitProgress(
        "a record of bob's approval",
        progress ->
            harness.recorded().stream()
                .anyMatch(
                    recorded ->
                        recorded.waitingApproval().map(RunApproval::approvals).orElse(0L) == 1));
    assertThat(events).isEmpty();

    approve(PAT, "");
    RunProgress result = run.getResult(RunProgress.class);
    assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(step(result, "approve").output().get("approvedBy")).isEqualTo(List.of("bob", "pat"));
  }

  @Test
  void aRejectionUndoesWhatWasMadeAndEndsTheRunRejected() throws Exception {
    WorkflowStub run = start(approvers(2, "PT72H"));
    harness.awaitStatus(RunStatus.WAITING_APPROVAL);
    approve(PAT, "");

    RunProgress answered =
        harness
            .workflow()
            .approval(new DecisionRequest(BOB, DecisionRequest.REJECT, "not in this quarter"));

    assertThat(answered.status()).isIn(RunStatus.RUNNING, RunStatus.REJECTED);
    RunProgress result = run.getResult(RunProgress.class);
    assertThat(result.status()).isEqualTo(RunStatus.REJECTED);
    assertThat(result.error()).contains("rejected by bob: not in this quarter");
    assertThat(step(result, "approve").status()).isEqualTo(StepStatus.FAILED);
    assertThat(step(result, "publish").status()).isEqualTo(StepStatus.COMPENSATED);
    assertThat(result.approvals().get(0).outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(events).containsExactly("publish undone");
    verifyNoInteractions(harness.manifests, harness.catalog);
  }

  @Test
  void nobodyDecidingWithinTheTimeoutExpiresTheRunAndUndoesIt() {
    WorkflowStub run = start(approvers(1, "PT2H"));

    RunProgress result = run.getResult(RunProgress.class); // time skips to the timeout

    assertThat(result.status()).isEqualTo(RunStatus.EXPIRED);
    assertThat(result.error()).contains("nobody approved within PT2H");
    assertThat(result.approvals().get(0).outcome()).isEqualTo(Outcome.EXPIRED);
    assertThat(events).containsExactly("publish undone");
    verify(harness.secrets, never()).vaultSecrets(any());
  }

  @Test
  void cancellingAWaitingRunUndoesItAtOnce() throws Exception {
    WorkflowStub run = start(approvers(1, "PT72H"));
    harness.awaitStatus(RunStatus.WAITING_APPROVAL);

    harness.workflow().cancel(dev.paved.workflows.goldenpath.DecisionRequest.by("pat"));

    RunProgress result = run.getResult(RunProgress.class);
    assertThat(result.status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(step(result, "approve").status()).isEqualTo(StepStatus.FAILED);
    assertThat(result.approvals().get(0).outcome()).isEqualTo(Outcome.CANCELLED);
    assertThat(events).containsExactly("publish undone");
  }

  @Test
  void anApprovalStepNamingAUserInsteadOfAGroupFailsAndRollsBack() {
    RunProgress result =
        harness.run(
            ServiceTemplate.run(withApproval(Map.of("approvers", "user:default/bob")), false));

    assertThat(result.status()).isEqualTo(RunStatus.ROLLED_BACK);
    assertThat(step(result, "approve").errorType()).isEqualTo("InvalidInput");
    assertThat(step(result, "approve").error()).contains("names groups, not users");
  }

  private RunProgress approve(Caller caller, String comment) {
    return harness
        .workflow()
        .approval(new DecisionRequest(caller, DecisionRequest.APPROVE, comment));
  }

  private static StepProgress step(RunProgress progress, String id) {
    return progress.steps().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
  }
}
