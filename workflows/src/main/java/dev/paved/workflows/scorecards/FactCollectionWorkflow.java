package dev.paved.workflows.scorecards;

import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Keeps one fact collector's facts current: collects for every entity it covers at start, then on
 * its schedule (jittered), and at once when asked (one entity, or all). One per collector, with the
 * id {@code scorecards-facts:<collector>}. Its history holds entity refs and counts, never a value
 * read from a source or a secret.
 */
@WorkflowInterface
public interface FactCollectionWorkflow {

  /** The scorecards' task queue, polled by the API next to the fact store. */
  String TASK_QUEUE = "paved-scorecards";

  /** The workflow id for a collector. */
  static String workflowId(String collector) {
    return "scorecards-facts:" + collector;
  }

  @WorkflowMethod
  void collect(CollectionInput input);

  /** Collects soon for one entity ({@code entityRef}), or for all when it is null. */
  @SignalMethod
  void collectNow(CollectionRequest request);
}
