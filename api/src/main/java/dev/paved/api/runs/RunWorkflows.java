package dev.paved.api.runs;

import dev.paved.api.templates.SnapshotKeeper;
import dev.paved.worker.QueryDeadline;
import dev.paved.worker.TemporalProperties;
import dev.paved.workflows.goldenpath.DecisionRequest;
import dev.paved.workflows.goldenpath.GoldenPathWorkflow;
import dev.paved.workflows.goldenpath.RunInput;
import dev.paved.workflows.goldenpath.RunProgress;
import dev.paved.workflows.steps.TaskQueues;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The runs' golden-path workflows in Temporal: start one, wait for one to close, ask its progress,
 * send it an operator's decision.
 */
@Component
class RunWorkflows {

  private static final Logger log = LoggerFactory.getLogger(RunWorkflows.class);

  private final WorkflowClient client;
  private final Duration queryTimeout;
  private final SnapshotKeeper snapshots;

  RunWorkflows(WorkflowClient client, TemporalProperties temporal, SnapshotKeeper snapshots) {
    this.client = client;
    this.queryTimeout = temporal.queryTimeout();
    this.snapshots = snapshots;
  }

  /** Starts the run's workflow; a stub starts one execution only, so each call makes its own. */
  WorkflowExecution start(ServiceIdentity identity, RunInput input) {
    // the run's template version where its steps find it on any worker's host
    String location = input.template() == null ? null : input.template().location();
    try {
      snapshots.accept(location == null || location.isBlank() ? null : Path.of(location));
    } catch (RuntimeException e) {
      // kept when its template was loaded, unless the store was down then too: a worker without
      // it then fails the run's fetch step, saying so
      log.warn(
          "Run {}: template snapshot not kept in the store: {}", input.runId(), e.getMessage());
    }
    GoldenPathWorkflow workflow =
        client.newWorkflowStub(
            GoldenPathWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(identity.workflowId())
                .setTaskQueue(TaskQueues.GOLDEN_PATH)
                .setWorkflowIdReusePolicy(
                    WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
                .build());
    return WorkflowClient.start(workflow::run, input);
  }

  /** Waits (10 s at most) for the workflow with this id to close. */
  void awaitClose(String workflowId) {
    try {
      client.newUntypedWorkflowStub(workflowId).getResult(10, TimeUnit.SECONDS, RunProgress.class);
    } catch (TimeoutException | RuntimeException ended) {
      // closed in some other way, or still closing: the start that follows tells which
    }
  }

  /**
   * Waits ({@code seconds} at most) for the run's workflow to close; false when it is still open
   * (or could not be asked). Its last act is the run's final record, so once closed the record
   * shows how the run ended.
   */
  boolean awaitEnd(RunRecord record, long seconds) {
    try {
      client
          .newUntypedWorkflowStub(
              record.workflowId(), Optional.ofNullable(record.temporalRunId()), Optional.empty())
          .getResult(seconds, TimeUnit.SECONDS, RunProgress.class);
      return true;
    } catch (TimeoutException stillOpen) {
      return false;
    } catch (RuntimeException closedOtherwise) {
      log.debug("Run {}: awaiting its end: {}", record.id(), closedOtherwise.toString());
      return false;
    }
  }

  /**
   * Sends an operator's decision ({@code retry}, {@code rollback}, {@code cancel}) as an update to
   * the run's workflow and returns its progress once the decision is taken. A refusal by the
   * update's validator arrives as a {@code WorkflowUpdateException}; a closed workflow as a {@code
   * WorkflowNotFoundException}.
   */
  RunProgress decide(RunRecord record, String decision, DecisionRequest request) {
    return client
        .newUntypedWorkflowStub(
            record.workflowId(), Optional.ofNullable(record.temporalRunId()), Optional.empty())
        .update(decision, RunProgress.class, request);
  }

  /**
   * Sends an approver's decision as the {@code approval} update; returns the run's progress once
   * the run has acted on it. Refusals arrive as for {@link #decide}.
   */
  RunProgress approve(RunRecord record, dev.paved.workflows.approval.DecisionRequest request) {
    return client
        .newUntypedWorkflowStub(
            record.workflowId(), Optional.ofNullable(record.temporalRunId()), Optional.empty())
        .update("approval", RunProgress.class, request);
  }

  /** The workflow's own progress query; empty when it cannot answer. */
  Optional<RunProgress> progress(RunRecord record) {
    try {
      WorkflowStub run =
          client.newUntypedWorkflowStub(
              record.workflowId(), Optional.of(record.temporalRunId()), Optional.empty());
      // no worker polling (all stopped, or busy past the timeout) must not hold the API's caller
      return Optional.ofNullable(
          QueryDeadline.within(queryTimeout, () -> run.query("progress", RunProgress.class)));
    } catch (RuntimeException e) {
      log.debug(
          "Progress query for run {} failed, answering from the record: {}",
          record.id(),
          e.toString());
      return Optional.empty();
    }
  }
}
