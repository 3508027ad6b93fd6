package dev.paved.api.scorecards.waivers;

import dev.paved.workflows.scorecards.waiver.WaiverInput;
import dev.paved.workflows.scorecards.waiver.WaiverSnapshot;
import dev.paved.workflows.scorecards.waiver.WaiverWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;

/** The waivers' workflows in Temporal: start one, send it a decision. */
@Component
class WaiverWorkflows {

  /** How long a decision waits to be recorded before the call gives up waiting. */
  private static final long SETTLE_SECONDS = 10;

  private final WorkflowClient client;

  WaiverWorkflows(WorkflowClient client) {
    this.client = client;
  }

  void start(WaiverInput input) {
    WaiverWorkflow workflow =
        client.newWorkflowStub(
            WaiverWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(WaiverInput.workflowId(input.waiverId()))
                .setTaskQueue(WaiverWorkflow.TASK_QUEUE)
                .build());
    WorkflowClient.start(workflow::run, input);
  }

  /**
   * Sends the decision; a validator's refusal throws at once ({@code WorkflowUpdateException}),
   * before anything enters history. Answers once the decision is recorded.
   */
  void decide(String waiverId, Object request) {
    var handle =
        client
            .newUntypedWorkflowStub(WaiverInput.workflowId(waiverId))
            .startUpdate("decide", WorkflowUpdateStage.ACCEPTED, WaiverSnapshot.class, request);
    try {
      handle.getResultAsync().get(SETTLE_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException stillRecording) {
      // accepted: the record follows
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime
          ? runtime
          : new IllegalStateException(e.getCause());
    }
  }
}
