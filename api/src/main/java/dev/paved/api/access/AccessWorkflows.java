package dev.paved.api.access;

import dev.paved.workflows.access.AccessInput;
import dev.paved.workflows.access.AccessRequestWorkflow;
import dev.paved.workflows.access.AccessResume;
import dev.paved.workflows.access.AccessSnapshot;
import dev.paved.workflows.steps.TaskQueues;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateHandle;
import io.temporal.client.WorkflowUpdateStage;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;

/** The access requests' workflows in Temporal: start one (or again), send it an update. */
@Component
class AccessWorkflows {

  /** How long a call waits for an accepted update to finish before answering 202. */
  private static final long SETTLE_SECONDS = 10;

  private final WorkflowClient client;

  AccessWorkflows(WorkflowClient client) {
    this.client = client;
  }

  void start(AccessInput input) {
    WorkflowClient.start(stub(input)::run, input, null);
  }

  /** Starts a request again from where Paved's record says it stood (local mode's recovery). */
  void resume(AccessSnapshot snapshot, int auditSequence) {
    AccessInput input = snapshot.request();
    WorkflowClient.start(stub(input)::run, input, new AccessResume(snapshot, auditSequence));
  }

  private AccessRequestWorkflow stub(AccessInput input) {
    return client.newWorkflowStub(
        AccessRequestWorkflow.class,
        WorkflowOptions.newBuilder()
            .setWorkflowId(AccessInput.workflowId(input.requestId()))
            .setTaskQueue(TaskQueues.ACCESS)
            .build());
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
