package dev.paved.workflows.catalog;

import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Keeps one catalog location current: reads it at start, then on its schedule (jittered), and at
 * once when asked; ends when the location is deleted. One per top-level location, with the id
 * {@code catalog-location:<location id>}; the locations its Location entities name are read with
 * it.
 */
@WorkflowInterface
public interface LocationWorkflow {

  /** The catalog's own task queue, polled by the API next to the database. */
  String TASK_QUEUE = "paved-catalog";

  /** The workflow id for a location. */
  static String workflowId(String locationId) {
    return "catalog-location:" + locationId;
  }

  @WorkflowMethod
  void process(LocationInput input);

  /** Reads the location now and answers what that read found (a refresh through the API). */
  @UpdateMethod
  LocationTurn refresh();

  /** Reads the location at the next opportunity, without waiting (a run changed its file). */
  @SignalMethod
  void changed();
}
