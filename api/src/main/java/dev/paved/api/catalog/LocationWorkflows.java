package dev.paved.api.catalog;

import dev.paved.workflows.catalog.LocationInput;
import dev.paved.workflows.catalog.LocationTurn;
import dev.paved.workflows.catalog.LocationWorkflow;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Starts and asks the locations' workflows ({@link LocationWorkflow}). {@link #NONE} (tests of the
 * catalog alone) has none: the catalog then reads locations itself.
 */
class LocationWorkflows {

  static final LocationWorkflows NONE = new LocationWorkflows(null, Duration.ZERO);
  static final int TURNS_PER_RUN = 100;
  private static final Logger log = LoggerFactory.getLogger(LocationWorkflows.class);

  private final WorkflowClient client;
  private final Duration interval;

  LocationWorkflows(WorkflowClient client, Duration interval) {
    this.client = client;
    this.interval = interval;
  }

  /**
   * The location's workflow runs: started unless it runs already. Inside a transaction, once it has
   * committed, so the workflow's first read sees the location.
   */
  void start(String locationId) {
    if (client != null) {
      afterCommit(() -> startNow(locationId));
    }
  }

  /** Now, or once the transaction under way has committed (so the workflow's read sees it). */
  private static void afterCommit(Runnable action) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              action.run();
            }
          });
    } else {
      action.run();
    }
  }

  private void startNow(String locationId) {
    WorkflowOptions options =
        WorkflowOptions.newBuilder()
            .setWorkflowId(LocationWorkflow.workflowId(locationId))
            .setTaskQueue(LocationWorkflow.TASK_QUEUE)
            .setWorkflowIdReusePolicy(
                WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
            .build();
    LocationWorkflow workflow = client.newWorkflowStub(LocationWorkflow.class, options);
    try {
      WorkflowClient.start(
          workflow::process,
          new LocationInput(locationId, Math.max(0, interval.toMillis()), TURNS_PER_RUN));
    } catch (WorkflowExecutionAlreadyStarted e) {
      // it keeps the location current already
    } catch (WorkflowException e) {
      log.warn("Catalog location {}: workflow not started: {}", locationId, e.getMessage());
    }
  }

  /**
   * The location read now by its workflow (started first when it does not run), and what that read
   * found; empty when there is no workflow to ask, so the caller reads it itself.
   */
  Optional<LocationTurn> refreshNow(String locationId) {
    if (client == null) {
      return Optional.empty();
    }
    for (int attempt = 0; attempt < 2; attempt++) {
      try {
        LocationWorkflow workflow =
            client.newWorkflowStub(LocationWorkflow.class, LocationWorkflow.workflowId(locationId));
        return Optional.ofNullable(workflow.refresh());
      } catch (WorkflowException e) {
        startNow(locationId); // not running (the embedded server restarted, or it ended)
      }
    }
    return Optional.empty();
  }

  /**
   * Asks the location's workflow to read it soon, without waiting (once the transaction under way
   * has committed); a deleted location's workflow then ends.
   */
  void changed(String locationId) {
    if (client != null) {
      afterCommit(() -> signal(locationId));
    }
  }

  private void signal(String locationId) {
    try {
      client
          .newWorkflowStub(LocationWorkflow.class, LocationWorkflow.workflowId(locationId))
          .changed();
    } catch (WorkflowException e) {
      startNow(locationId);
    }
  }
}
