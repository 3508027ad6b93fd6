package dev.paved.activities.actions.fetch.template.file;

import dev.paved.activities.actions.ActionContext;
import dev.paved.activities.actions.ActionDeclaration;
import dev.paved.activities.actions.PreviewContext;
import dev.paved.activities.actions.Previews;
import dev.paved.activities.fetch.FetchActivitiesImpl;
import dev.paved.activities.support.PlannedStep;
import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.StepClass;

/**
 * {@code fetch:template:file}: renders one file next to the template to a file of the workspace.
 */
public final class FetchTemplateFileAction implements ActionDeclaration {

  @Override
  public String id() {
    return "fetch:template:file";
  }

  @Override
  public String description() {
    return "Renders one file next to the template to a file of the workspace.";
  }

  @Override
  public String activityType() {
    return "FetchTemplateFile";
  }

  @Override
  public StepClass stepClass() {
    return StepClass.WORKSPACE;
  }

  @Override
  public Object activities(ActionContext context) {
    return new FetchActivitiesImpl(context.workspaces(), context.renderer());
  }

  @Override
  public PlannedStep preview(ActionRequest request, PreviewContext context) {
    return Previews.done(
        new FetchActivitiesImpl(context.workspaces(), context.providers().renderer())
            .fetchTemplateFile(request));
  }
}
