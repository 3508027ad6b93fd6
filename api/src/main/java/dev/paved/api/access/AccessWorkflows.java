package dev.paved.api.access;

import dev.paved.workflows.access.AccessInput;
import dev.paved.workflows.access.AccessRequestWorkflow;
import dev.paved.workflows.access.AccessResume;
import dev.paved.workflows.access.AccessSnapshot;
import dev.paved.workflows.steps.TaskQueues;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateHandle;
import io.temporal.client.WorkflowUpdateStage;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The access requests' workflows in Temporal: start one (or again), send it an update. */
@Component
class AccessWorkflows {

  private static final Logger log = LoggerFactory.getLogger(AccessWorkflows.class);

  /** How long a call waits for an accepted update to finish before answering 202. */
  private static final long SETTLE_SECONDS = 10;

  private final WorkflowClient client;

  AccessWorkflows(WorkflowClient client) {
    this.client = client;
  }

  void start(AccessInput input) {
    WorkflowClient.start(stub(input)::run, input, null);
  }

  /**
   * Waits for a break-glass request's grant through its {@code granted} update: the request once
   * the grant is made (or has failed) and recorded, or empty when that takes longer than a call
   * waits (a grant still being retried) or the update could not be sent. The workflow is started
   * first, on its own: whatever happens to this wait, the request stands (update-with-start would
   * make a failed wait hard to tell from a failed start).
   */
  Optional<AccessSnapshot> awaitGranted(String requestId) {
    try {
      WorkflowUpdateHandle<AccessSnapshot> handle =
          client
              .newUntypedWorkflowStub(AccessInput.workflowId(requestId))
              .startUpdate(
                  UpdateOptions.newBuilder(AccessSnapshot.class)
                      .setUpdateName("granted")
                      .setWaitForStage(WorkflowUpdateStage.ACCEPTED)
                      .build());
      return settled(handle);
    } catch (RuntimeException e) {
      log.warn("Access request {}: its grant was not awaited: {}", requestId, e.toString());
      return Optional.empty();
    }
  }

  /** Starts a request again from where Paved's record says it stood (local mode's recovery). */
  void resume(AccessSnapshot snapshot, int auditSequence) {
    AccessInput input = snapshot.request();
    WorkflowClient.start(stub(input)::run, input, new AccessResume(snapshot, auditSequence));
  }

  private AccessRequestWorkflow stub(AccessInput input) {
    return client.newWorkflowStub(AccessRequestWorkflow.class, options(input).build());
  }

  private static WorkflowOptions.Builder options(AccessInput input) {
    return WorkflowOptions.newBuilder()
        .setWorkflowId(AccessInput.workflowId(input.requestId()))
        .setTaskQueue(TaskQueues.ACCESS);
  }

  /**
   * Sends the update; a refusal throws at once ({@code WorkflowUpdateException}). Returns the
   * request as the update left it, or empty when it was accepted but has not finished yet (a grant
   * or revoke still being retried).
   */
  Optional<AccessSnapshot> update(String requestId, String update, Object argument) {
    WorkflowUpdateHandle<AccessSnapshot> handle =
        client
            .newUntypedWorkflowStub(AccessInput.workflowId(requestId))
            .startUpdate(update, WorkflowUpdateStage.ACCEPTED, AccessSnapshot.class, argument);
    return settled(handle);
  }

  /** The update's answer, or empty when it has not finished within {@link #SETTLE_SECONDS}. */
  private static Optional<AccessSnapshot> settled(WorkflowUpdateHandle<AccessSnapshot> handle) {
    try {
      return Optional.of(handle.getResultAsync().get(SETTLE_SECONDS, TimeUnit.SECONDS));
    } catch (TimeoutException stillRunning) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime
          ? runtime
          : new IllegalStateException(e.getCause());
    }
  }
}
