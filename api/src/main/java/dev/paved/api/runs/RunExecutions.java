package dev.paved.api.runs;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.failure.v1.Failure;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What Temporal knows of a run's execution beyond its progress: the workflow history, and the
 * attempts of the activities it waits on (a step being retried).
 */
@Component
class RunExecutions {

  private final WorkflowClient client;

  RunExecutions(WorkflowClient client) {
    this.client = client;
  }

  /** An activity the run waits on: its type, the attempt under way, why the last one failed. */
  record PendingAttempt(String activityType, int attempt, String lastFailure) {}

  /** The run's workflow history as Temporal's JSON; empty when Temporal no longer has it. */
  Optional<String> historyJson(RunRecord run) {
    if (run.temporalRunId() == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(client.fetchHistory(run.workflowId(), run.temporalRunId()).toJson(true));
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** The activities the run's workflow waits on; empty when Temporal cannot say. */
  List<PendingAttempt> pendingAttempts(RunRecord run) {
    if (run.temporalRunId() == null) {
      return List.of();
    }
    try {
      List<PendingAttempt> attempts = new ArrayList<>();
      for (PendingActivityInfo activity :
          client
              .getWorkflowServiceStubs()
              .blockingStub()
              .describeWorkflowExecution(
                  DescribeWorkflowExecutionRequest.newBuilder()
                      .setNamespace(client.getOptions().getNamespace())
                      .setExecution(
                          WorkflowExecution.newBuilder()
                              .setWorkflowId(run.workflowId())
                              .setRunId(run.temporalRunId()))
                      .build())
              .getPendingActivitiesList()) {
        attempts.add(
            new PendingAttempt(
                activity.getActivityType().getName(),
                activity.getAttempt(),
                activity.hasLastFailure() ? describe(activity.getLastFailure()) : null));
      }
      return attempts;
    } catch (StatusRuntimeException e) {
      return List.of();
    }
  }

  /** A failure and its causes in one line, each cause's message once. */
  static String describe(Failure failure) {
    StringBuilder text = new StringBuilder(failure.getMessage());
    for (Failure cause = failure.hasCause() ? failure.getCause() : null;
        cause != null;
        cause = cause.hasCause() ? cause.getCause() : null) {
      if (!cause.getMessage().isBlank() && text.indexOf(cause.getMessage()) < 0) {
        text.append(": ").append(cause.getMessage());
      }
    }
    return text.toString();
  }
}
