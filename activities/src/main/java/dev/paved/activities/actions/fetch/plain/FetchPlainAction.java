package dev.paved.activities.actions.fetch.plain;

import dev.paved.activities.actions.ActionContext;
import dev.paved.activities.actions.ActionDeclaration;
import dev.paved.activities.actions.PreviewContext;
import dev.paved.activities.actions.Previews;
import dev.paved.activities.fetch.FetchActivitiesImpl;
import dev.paved.activities.support.PlannedStep;
import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.StepClass;

/** {@code fetch:plain}: copies a folder next to the template into the workspace as it is. */
public final class FetchPlainAction implements ActionDeclaration {

  @Override
  public String id() {
    return "fetch:plain";
  }

  @Override
  public String description() {
    return "Copies a folder next to the template into the workspace as it is.";
  }

  @Override
  public String activityType() {
    return "FetchPlain";
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
            .fetchPlain(request));
  }
}
