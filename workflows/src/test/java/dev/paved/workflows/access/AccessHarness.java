package dev.paved.workflows.access;

import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import dev.paved.workflows.TemporalHarness;
import dev.paved.workflows.approval.ApprovalRule;
import dev.paved.workflows.approval.Caller;
import dev.paved.workflows.approval.Decision;
import dev.paved.workflows.audit.AuditEntry;
import dev.paved.workflows.steps.TaskQueues;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.mockito.ArgumentCaptor;
import org.mockito.Mockito;

/**
 * A time-skipping Temporal test environment with the access worker (the workflow and a mocked grant
 * provider) and the API's worker (a mocked recorder). The grant mock notes the test server's time
 * of each grant and revoke, so tests can say when they happened.
 */
final class AccessHarness extends TemporalHarness {

  static final String REQUEST_ID = "a-0123456789abcdef";
  static final Caller ALICE = new Caller("alice", List.of("team-payments"));
  static final Caller BOB = new Caller("bob", List.of("team-payments"));
  static final Caller CAROL = new Caller("carol", List.of("team-search"));
  static final Caller SAM = new Caller("sam", List.of("sre"));
  static final Caller PAT = new Caller("pat", List.of("platform"));

  final List<Long> grantedAt = new CopyOnWriteArrayList<>();
  final List<Long> revokedAt = new CopyOnWriteArrayList<>();
  GrantActivities grants;
  AccessRecorder recorder;

  AccessHarness() {
    super(TestEnvironmentOptions.newBuilder());
    register(env.getWorkerFactory());
    env.start();
  }

  /**
   * Registers fresh mocks on the factory's workers. The test server has no sticky-queue timeout: as
   * in Paved's local mode, a zero timeout lets a new worker take over a stopped one's workflow.
   */
  private void register(WorkerFactory factory) {
    grants = mock(GrantActivities.class, withSettings().withoutAnnotations());
    recorder = mock(AccessRecorder.class, withSettings().withoutAnnotations());
    when(grants.grantAccess(any()))
        .thenAnswer(
            call -> {
              grantedAt.add(env.currentTimeMillis());
              return new GrantResult("local", "local:" + REQUEST_ID);
            });
    org.mockito.Mockito.doAnswer(call -> revokedAt.add(env.currentTimeMillis()))
        .when(grants)
        .revokeAccess(any());
    Worker access =
        factory.newWorker(
            TaskQueues.ACCESS,
            WorkerOptions.newBuilder().setStickyQueueScheduleToStartTimeout(Duration.ZERO).build());
    // No FailWorkflowExceptionTypes here: with them, a validator's refusal would fail the
    // workflow task instead of refusing the update.
    access.registerWorkflowImplementationTypes(AccessRequestWorkflowImpl.class);
    access.registerActivitiesImplementations(grants);
    factory.newWorker(TaskQueues.API).registerActivitiesImplementations(recorder);
  }

  /** Stops every worker and starts new ones (new mocks) on the same Temporal service. */
  void restartWorkers() {
    WorkerFactory old = env.getWorkerFactory();
    old.shutdownNow();
    old.awaitTermination(10, TimeUnit.SECONDS);
    WorkerFactory fresh = WorkerFactory.newInstance(env.getWorkflowClient());
    register(fresh);
    fresh.start();
  }

  static AccessInput input(String role, int quorum, Duration duration, boolean breakGlass) {
    return new AccessInput(
        REQUEST_ID,
        "component:default/checkout",
        "production",
        role,
        "incident 4711",
        duration,
        breakGlass ? SAM.user() : ALICE.user(),
        breakGlass,
        "team-payments",
        new ApprovalRule(List.of("team-payments", "sre"), quorum),
        Duration.ofHours(24),
        Duration.ofHours(24),
        "platform");
  }

  /** A request as Paved recorded it while it waited, with the decisions taken so far. */
  static AccessSnapshot pending(AccessInput input, long requestedAt, List<Decision> decisions) {
    return new AccessSnapshot(
        input,
        AccessStatus.PENDING,
        decisions,
        requestedAt,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        false,
        null,
        null);
  }

  /** A request as Paved recorded it once granted (a break-glass one with its review due). */
  static AccessSnapshot active(
      AccessInput input, long requestedAt, List<Decision> decisions, long grantedAt) {
    return new AccessSnapshot(
        input,
        AccessStatus.ACTIVE,
        decisions,
        requestedAt,
        "local:" + input.requestId(),
        grantedAt,
        grantedAt + input.duration().toMillis(),
        null,
        null,
        null,
        input.breakGlass() ? grantedAt + input.reviewWindow().toMillis() : null,
        false,
        null,
        null);
  }

  /** Starts the request without waiting; the returned stub sends updates and queries. */
  AccessRequestWorkflow start(AccessInput input) {
    return start(input, null);
  }

  /** Starts the request again from where it stood, as local mode's recovery does. */
  AccessRequestWorkflow resume(AccessResume resumeFrom) {
    return start(resumeFrom.snapshot().request(), resumeFrom);
  }

  private AccessRequestWorkflow start(AccessInput input, AccessResume resumeFrom) {
    AccessRequestWorkflow workflow =
        client()
            .newWorkflowStub(
                AccessRequestWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(AccessInput.workflowId(input.requestId()))
                    .setTaskQueue(TaskQueues.ACCESS)
                    .build());
    WorkflowClient.start(workflow::run, input, resumeFrom);
    return workflow;
  }

  /** Waits for the request's end, skipping time. */
  static AccessSnapshot result(AccessRequestWorkflow workflow) {
    return WorkflowStub.fromTyped(workflow).getResult(AccessSnapshot.class);
  }

  /** Every audit entry recorded so far, in the order the recorder received them. */
  List<AuditEntry> audit() {
    return recorded().stream().flatMap(change -> change.events().stream()).toList();
  }

  /**
   * The audit entries once one with {@code action} was recorded: the request's state (a query) can
   * run ahead of the activity that records it. Bounded at 30 s (the class guard is 60 s), a guard
   * against a hang.
   */
  List<AuditEntry> auditOnce(String action) {
    await("an audit entry " + action)
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () ->
                !Mockito.mockingDetails(recorder).getInvocations().isEmpty()
                    && audit().stream().anyMatch(e -> e.action().equals(action)));
    return audit();
  }

  List<AccessChange> recorded() {
    ArgumentCaptor<AccessChange> changes = ArgumentCaptor.forClass(AccessChange.class);
    verify(recorder, atLeastOnce()).recordAccess(changes.capture());
    return changes.getAllValues();
  }
}
