package dev.paved.activities.actions.debug.wait;

import dev.paved.activities.actions.Action;
import dev.paved.activities.actions.ActionContext;
import dev.paved.activities.actions.PreviewContext;
import dev.paved.activities.debug.DebugActivitiesImpl;
import dev.paved.activities.support.PlannedStep;
import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.StepClass;
import java.util.List;
import java.util.Map;

/**
 * {@code debug:wait}: waits minutes, seconds and milliseconds (added up, 10 minutes at most),
 * heartbeating: if its worker dies, another worker waits out only what is left.
 */
public final class DebugWaitAction extends Action {

  public DebugWaitAction() {
    super(
        "debug:wait",
        "Waits minutes, seconds and milliseconds (added up, 10 minutes at most), heartbeating: if its worker dies, another worker waits out only what is left.",
        "DebugWait",
        StepClass.WAIT);
  }

  @Override
  public Object activities(ActionContext context) {
    return new DebugActivitiesImpl(context.workspaces());
  }

  @Override
  public PlannedStep preview(ActionRequest request, PreviewContext context) {
    DebugActivitiesImpl.waitTime(request); // refused as the run would refuse it, not waited
    return new PlannedStep(Map.of(), List.of());
  }
}
