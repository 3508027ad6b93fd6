package dev.paved.activities.actions.fs;

import dev.paved.activities.actions.Action;
import dev.paved.activities.actions.ActionContext;
import dev.paved.activities.actions.PreviewContext;
import dev.paved.activities.actions.Previews;
import dev.paved.activities.filesystem.FilesystemActivitiesImpl;
import dev.paved.activities.support.PlannedStep;
import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.ActionResult;
import dev.paved.workflows.steps.StepClass;
import java.util.function.BiFunction;

/**
 * The fs actions: each a method of {@link FilesystemActivitiesImpl}, workspace-only, so its preview
 * runs it for real in the dry run's workspace.
 */
public abstract class FsAction extends Action {

  private final BiFunction<FilesystemActivitiesImpl, ActionRequest, ActionResult> step;

  protected FsAction(
      String id,
      String description,
      String activityType,
      BiFunction<FilesystemActivitiesImpl, ActionRequest, ActionResult> step) {
    super(id, description, activityType, StepClass.WORKSPACE);
    this.step = step;
  }

  @Override
  public final Object activities(ActionContext context) {
    return new FilesystemActivitiesImpl(context.workspaces());
  }

  @Override
  public final PlannedStep preview(ActionRequest request, PreviewContext context) {
    return Previews.done(step.apply(new FilesystemActivitiesImpl(context.workspaces()), request));
  }
}
