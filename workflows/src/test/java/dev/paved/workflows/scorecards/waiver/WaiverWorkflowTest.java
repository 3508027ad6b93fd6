package dev.paved.workflows.scorecards.waiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paved.workflows.approval.ApprovalFailures;
import dev.paved.workflows.approval.ApprovalRule;
import dev.paved.workflows.approval.Caller;
import dev.paved.workflows.approval.DecisionRequest;
import dev.paved.workflows.audit.AuditEntry;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The waiver workflow on the time-skipping test server: the validator refuses the requester and
 * non-approvers before anything enters history, an approved waiver ends EXPIRED at its expiry on a
 * durable timer, and an undecided one at its decision deadline; every step is recorded in order.
 */
class WaiverWorkflowTest {

  static final Caller ALICE = new Caller("alice", List.of("team-payments"));
  static final Caller BOB = new Caller("bob", List.of("team-payments"));
  static final Caller PAT = new Caller("pat", List.of("platform"));

  private TestWorkflowEnvironment env;
  private final List<WaiverChange> recorded = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    env = TestWorkflowEnvironment.newInstance();
    var worker = env.newWorker(WaiverWorkflow.TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(WaiverWorkflowImpl.class);
    worker.registerActivitiesImplementations((WaiverRecorder) recorded::add);
    env.start();
  }

  @AfterEach
  void stop() {
    env.close();
  }

  private WaiverInput input(Duration expiresIn, Duration decideWithin) {
    long now = env.currentTimeMillis();
    return new WaiverInput(
        "w-0123456789abcdef",
        "production-readiness",
        "readme-runbook",
        "component:default/ledger",
        "team-payments",
        "runbook moves to the wiki this quarter",
        now + expiresIn.toMillis(),
        ALICE.user(),
        new ApprovalRule(List.of("platform"), 1),
        now + Math.min(expiresIn.toMillis(), decideWithin.toMillis()));
  }

  private WaiverWorkflow started(WaiverInput input) {
    WaiverWorkflow workflow =
        env.getWorkflowClient()
            .newWorkflowStub(
                WaiverWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(WaiverInput.workflowId(input.waiverId()))
                    .setTaskQueue(WaiverWorkflow.TASK_QUEUE)
                    .build());
    WorkflowClient.start(workflow::run, input);
    return workflow;
  }

  private List<String> actions() {
    return recorded.stream()
        .flatMap(change -> change.events().stream())
        .map(AuditEntry::action)
        .toList();
  }

  @Test
  void anApprovedWaiverStopsAtItsExpiryOnADurableTimer() {
    WaiverInput input = input(Duration.ofDays(30), Duration.ofDays(14));
    WaiverWorkflow workflow = started(input);

    WaiverSnapshot approved = workflow.decide(new DecisionRequest(PAT, "approve", "ok"));
    assertThat(approved.status()).isEqualTo(WaiverStatus.APPROVED);
    assertThat(approved.decision().user()).isEqualTo("pat");

    env.sleep(Duration.ofDays(29));
    assertThat(workflow.snapshot().status()).isEqualTo(WaiverStatus.APPROVED);
    env.sleep(Duration.ofDays(2));
    WaiverSnapshot end = WorkflowStub.fromTyped(workflow).getResult(WaiverSnapshot.class);
    assertThat(end.status()).isEqualTo(WaiverStatus.EXPIRED);
    assertThat(end.changedAt()).isGreaterThanOrEqualTo(input.expiresAt());

    assertThat(actions())
        .containsExactly(
            "scorecard.waiver.requested", "scorecard.waiver.approved", "scorecard.waiver.expired");
    assertThat(recorded.get(recorded.size() - 1).snapshot().status())
        .isEqualTo(WaiverStatus.EXPIRED);
    assertThat(recorded.stream().flatMap(c -> c.events().stream()).map(AuditEntry::eventId))
        .containsExactly("w-0123456789abcdef#1", "w-0123456789abcdef#2", "w-0123456789abcdef#3");
  }

  @Test
  void theRequesterAndNonApproversAreRefusedBeforeHistoryAndNobodyDecidingExpiresIt() {
    WaiverInput input = input(Duration.ofDays(30), Duration.ofDays(14));
    WaiverWorkflow workflow = started(input);

    assertRefused(workflow, ALICE, ApprovalFailures.FORBIDDEN, "your own request");
    assertRefused(workflow, BOB, ApprovalFailures.FORBIDDEN, "not an approver");
    assertRefused(
        new DecisionRequest(PAT, "maybe", ""), workflow, ApprovalFailures.INVALID, "decision");
    assertThat(workflow.snapshot().status()).isEqualTo(WaiverStatus.PENDING);

    env.sleep(Duration.ofDays(15));
    WaiverSnapshot end = WorkflowStub.fromTyped(workflow).getResult(WaiverSnapshot.class);
    assertThat(end.status()).isEqualTo(WaiverStatus.EXPIRED);
    assertThat(end.decision()).isNull();
    assertThat(actions()).containsExactly("scorecard.waiver.requested", "scorecard.waiver.expired");
    assertThat(recorded.get(recorded.size() - 1).events().get(0).detail().get("reason"))
        .startsWith("no decision before");
    // the refused decisions never entered the workflow's history
    assertThat(
            env
                .getWorkflowClient()
                .fetchHistory(WaiverInput.workflowId(input.waiverId()))
                .getEvents()
                .stream()
                .filter(
                    e ->
                        e.getEventType()
                            == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED))
        .isEmpty();
  }

  @Test
  void aRejectedWaiverEndsAndCannotBeDecidedAgain() {
    WaiverWorkflow workflow = started(input(Duration.ofDays(30), Duration.ofDays(14)));

    WaiverSnapshot rejected = workflow.decide(new DecisionRequest(PAT, "reject", "fix it"));
    assertThat(rejected.status()).isEqualTo(WaiverStatus.REJECTED);
    WaiverSnapshot end = WorkflowStub.fromTyped(workflow).getResult(WaiverSnapshot.class);
    assertThat(end.status()).isEqualTo(WaiverStatus.REJECTED);
    assertThat(actions())
        .containsExactly("scorecard.waiver.requested", "scorecard.waiver.rejected");
  }

  private static void assertRefused(
      WaiverWorkflow workflow, Caller caller, String type, String says) {
    assertRefused(new DecisionRequest(caller, "approve", ""), workflow, type, says);
  }

  private static void assertRefused(
      DecisionRequest request, WaiverWorkflow workflow, String type, String says) {
    assertThatThrownBy(() -> workflow.decide(request))
        .isInstanceOf(WorkflowUpdateException.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.getType()).isEqualTo(type);
              assertThat(failure.getOriginalMessage()).contains(says);
            });
  }
}
