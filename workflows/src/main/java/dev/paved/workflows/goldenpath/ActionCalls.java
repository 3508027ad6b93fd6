package dev.paved.workflows.goldenpath;

import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.ActionResult;
import dev.paved.workflows.steps.ActionSpec;
import dev.paved.workflows.steps.StepOptions;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Does one action with its rendered request through its activity: a workspace step as a local
 * activity in the worker running the run, every other step as an activity on its task queue.
 */
final class ActionCalls {

  private ActionCalls() {}

  /**
   * The change that lets a cancellation cut a running step off at once, instead of waiting for it
   * to end.
   */
  static final String CANCEL_AT_ONCE = "cancel-step-at-once";

  /**
   * The change that runs a workspace step as a local activity of the worker running the run ({@link
   * StepOptions#runsLocally}) instead of an activity scheduled through Temporal.
   */
  static final String WORKSPACE_STEPS_LOCAL = "workspace-steps-local";

  /**
   * The action's result; throws the activity's failure. The step runs in a detached scope handed to
   * {@code scopes} first, which an operator's cancel decision cancels: the run goes on at once and
   * the activity is abandoned (StepOptions#forAction: it runs to its own end), its undo running for
   * whatever it may have made. Temporal's own cancellation (not Paved's API) still lets the step
   * end first.
   */
  static ActionResult call(
      ActionSpec action, ActionRequest request, Consumer<CancellationScope> scopes) {
    List<ActionResult> results = new ArrayList<>();
    boolean local =
        StepOptions.runsLocally(action, Workflow.getInfo().getTaskQueue())
            && Workflow.getVersion(WORKSPACE_STEPS_LOCAL, Workflow.DEFAULT_VERSION, 1)
                != Workflow.DEFAULT_VERSION;
    Runnable step =
        () ->
            results.add(
                local
                    ? Workflow.newUntypedLocalActivityStub(StepOptions.forLocalAction(action))
                        .execute(action.activityType(), ActionResult.class, request)
                    : Workflow.newUntypedActivityStub(StepOptions.forAction(action))
                        .execute(action.activityType(), ActionResult.class, request));
    if (Workflow.getVersion(CANCEL_AT_ONCE, Workflow.DEFAULT_VERSION, 1)
        == Workflow.DEFAULT_VERSION) {
      // Before: a cancellation took effect when the step had ended.
      Workflow.newDetachedCancellationScope(step).run();
    } else {
      CancellationScope scope = Workflow.newDetachedCancellationScope(step);
      scopes.accept(scope);
      scope.run();
    }
    ActionResult returned = results.get(0);
    // An action that returns nothing made nothing to show; it must not break the workflow.
    return returned == null ? ActionResult.of(Map.of()) : returned;
  }
}
