package dev.paved.workflows.goldenpath;

import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.ActionResult;
import dev.paved.workflows.steps.ActionSpec;
import dev.paved.workflows.steps.StepOptions;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Does one action with its rendered request through its activity. */
final class ActionCalls {

  private ActionCalls() {}

  /** The action's result; throws the activity's failure. */
  static ActionResult call(ActionSpec action, ActionRequest request) {
    // A step is never cut off half-way: a cancellation takes effect when it has ended, so its
    // undo cannot run while it is still making what the undo removes.
    List<ActionResult> results = new ArrayList<>();
    Workflow.newDetachedCancellationScope(
            () ->
                results.add(
                    Workflow.newUntypedActivityStub(StepOptions.forAction(action))
                        .execute(action.activityType(), ActionResult.class, request)))
        .run();
    ActionResult returned = results.get(0);
    // An action that returns nothing made nothing to show; it must not break the workflow.
    return returned == null ? ActionResult.of(Map.of()) : returned;
  }
}
