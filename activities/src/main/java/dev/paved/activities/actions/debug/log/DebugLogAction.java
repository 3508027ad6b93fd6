package dev.paved.activities.actions.debug.log;

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
 * {@code debug:log}: writes a message to the worker's log on one line naming the run and step, and
 * the workspace's files when asked.
 */
public final class DebugLogAction extends Action {

  public DebugLogAction() {
    super(
        "debug:log",
        "Writes a message to the worker's log on one line naming the run and step, and the workspace's files when asked.",
        "DebugLog",
        StepClass.WORKSPACE);
  }

  @Override
  public Object activities(ActionContext context) {
    return new DebugActivitiesImpl(context.workspaces());
  }

  @Override
  public PlannedStep preview(ActionRequest request, PreviewContext context) {
    return new PlannedStep(Map.of(), List.of());
  }
}
