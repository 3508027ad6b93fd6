package dev.paved.activities.actions.fetch;

import dev.paved.activities.actions.Action;
import dev.paved.activities.actions.ActionContext;
import dev.paved.activities.actions.PreviewContext;
import dev.paved.activities.actions.Previews;
import dev.paved.activities.fetch.FetchActivitiesImpl;
import dev.paved.activities.support.PlannedStep;
import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.ActionResult;
import dev.paved.workflows.steps.StepClass;
import java.util.function.BiFunction;

/**
 * The fetch actions: each a method of {@link FetchActivitiesImpl}, workspace-only, so its preview
 * runs it for real in the dry run's workspace.
 */
public abstract class FetchAction extends Action {

  private final BiFunction<FetchActivitiesImpl, ActionRequest, ActionResult> step;

  protected FetchAction(
      String id,
      String description,
      String activityType,
      BiFunction<FetchActivitiesImpl, ActionRequest, ActionResult> step) {
    super(id, description, activityType, StepClass.WORKSPACE);
    this.step = step;
  }

  @Override
  public final Object activities(ActionContext context) {
    return new FetchActivitiesImpl(context.workspaces(), context.renderer());
  }

  @Override
  public final PlannedStep preview(ActionRequest request, PreviewContext context) {
    return Previews.done(
        step.apply(
            new FetchActivitiesImpl(context.workspaces(), context.providers().renderer()),
            request));
  }
}
