package dev.paved.activities.actions.fetch.template;

import dev.paved.activities.actions.ActionContext;
import dev.paved.activities.actions.ActionDeclaration;
import dev.paved.activities.actions.PreviewContext;
import dev.paved.activities.actions.Previews;
import dev.paved.activities.fetch.FetchActivitiesImpl;
import dev.paved.activities.support.PlannedStep;
import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.StepClass;

/**
 * {@code fetch:template}: renders a skeleton folder next to the template into the workspace: file
 * names and contents.
 */
public final class FetchTemplateAction implements ActionDeclaration {

  @Override
  public String id() {
    return "fetch:template";
  }

  @Override
  public String description() {
    return "Renders a skeleton folder next to the template into the workspace: file names and contents.";
  }

  @Override
  public String activityType() {
    return "FetchTemplate";
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
            .fetchTemplate(request));
  }
}
