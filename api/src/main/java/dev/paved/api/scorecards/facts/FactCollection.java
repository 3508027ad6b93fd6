package dev.paved.api.scorecards.facts;

import dev.paved.workflows.scorecards.CollectionInput;
import dev.paved.workflows.scorecards.CollectionRequest;
import dev.paved.workflows.scorecards.FactCollectionWorkflow;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and asks the collectors' workflows ({@link FactCollectionWorkflow}): each runs from
 * Paved's start, collecting on its schedule ({@code paved.scorecards.collect-every}, 0 for only
 * when asked); a request is a signal to the workflow, which is started first when it does not run.
 */
public class FactCollection {

  static final int TURNS_PER_RUN = 24;
  private static final Logger log = LoggerFactory.getLogger(FactCollection.class);

  private final WorkflowClient client;
  private final FactCollectors collectors;
  private final Duration every;

  FactCollection(WorkflowClient client, FactCollectors collectors, Duration every) {
    this.client = client;
    this.collectors = collectors;
    this.every = every;
  }

  /** Every collector's workflow runs: started unless it runs already. */
  void startAll() {
    collectors.ids().forEach(this::start);
  }

  /**
   * Collects soon: for one entity (or all when null), by one collector (or all when null). The
   * caller has checked both exist.
   */
  public void request(String entityRef, String collector) {
    List<String> ids = collector == null ? collectors.ids() : List.of(collector);
    for (String id : ids) {
      signal(id, new CollectionRequest(entityRef));
    }
  }

  private void signal(String collector, CollectionRequest request) {
    for (int attempt = 0; attempt < 2; attempt++) {
      try {
        client
            .newWorkflowStub(
                FactCollectionWorkflow.class, FactCollectionWorkflow.workflowId(collector))
            .collectNow(request);
        return;
      } catch (WorkflowException e) {
        start(collector); // not running (the embedded server restarted, or it ended)
      }
    }
    log.warn("Facts of {}: collection not requested", collector);
  }

  private void start(String collector) {
    WorkflowOptions options =
        WorkflowOptions.newBuilder()
            .setWorkflowId(FactCollectionWorkflow.workflowId(collector))
            .setTaskQueue(FactCollectionWorkflow.TASK_QUEUE)
            .setWorkflowIdReusePolicy(
                WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
            .build();
    FactCollectionWorkflow workflow = client.newWorkflowStub(FactCollectionWorkflow.class, options);
    long interval = Math.max(0, every.toMillis());
    try {
      WorkflowClient.start(
          workflow::collect,
          new CollectionInput(collector, interval, TURNS_PER_RUN, interval > 0, List.of()));
    } catch (WorkflowExecutionAlreadyStarted e) {
      // it collects already
    } catch (WorkflowException e) {
      log.warn("Facts of {}: workflow not started: {}", collector, e.getMessage());
    }
  }
}
