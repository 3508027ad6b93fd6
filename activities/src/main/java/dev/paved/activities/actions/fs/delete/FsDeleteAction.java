package dev.paved.activities.actions.fs.delete;

import dev.paved.activities.actions.ActionContext;
import dev.paved.activities.actions.ActionDeclaration;
import dev.paved.activities.actions.PreviewContext;
import dev.paved.activities.actions.Previews;
import dev.paved.activities.filesystem.FilesystemActivitiesImpl;
import dev.paved.activities.support.PlannedStep;
import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.StepClass;

/**
 * {@code fs:delete}: deletes files of the workspace: paths or glob patterns (*.tmp, docs/**.md); a
 * path already gone is fine.
 */
public final class FsDeleteAction implements ActionDeclaration {

  @Override
  public String id() {
    return "fs:delete";
  }

  @Override
  public String description() {
    return "Deletes files of the workspace: paths or glob patterns (*.tmp, docs/**.md); a path already gone is fine.";
  }

  @Override
  public String activityType() {
    return "FsDelete";
  }

  @Override
  public StepClass stepClass() {
    return StepClass.WORKSPACE;
  }

  @Override
  public Object activities(ActionContext context) {
    return new FilesystemActivitiesImpl(context.workspaces());
  }

  @Override
  public PlannedStep preview(ActionRequest request, PreviewContext context) {
    return Previews.done(new FilesystemActivitiesImpl(context.workspaces()).fsDelete(request));
  }
}
