package dev.paved.activities.actions.fs.rename;

import dev.paved.activities.actions.ActionContext;
import dev.paved.activities.actions.ActionDeclaration;
import dev.paved.activities.actions.PreviewContext;
import dev.paved.activities.actions.Previews;
import dev.paved.activities.filesystem.FilesystemActivitiesImpl;
import dev.paved.activities.support.PlannedStep;
import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.StepClass;

/**
 * {@code fs:rename}: moves files and folders inside the workspace; an existing destination is an
 * error unless overwrite is true.
 */
public final class FsRenameAction implements ActionDeclaration {

  @Override
  public String id() {
    return "fs:rename";
  }

  @Override
  public String description() {
    return "Moves files and folders inside the workspace; an existing destination is an error unless overwrite is true.";
  }

  @Override
  public String activityType() {
    return "FsRename";
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
    return Previews.done(new FilesystemActivitiesImpl(context.workspaces()).fsRename(request));
  }
}
