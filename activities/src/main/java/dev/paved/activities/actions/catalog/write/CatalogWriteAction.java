package dev.paved.activities.actions.catalog.write;

import static dev.paved.activities.support.PlannedStep.resource;

import dev.paved.activities.actions.Action;
import dev.paved.activities.actions.ActionContext;
import dev.paved.activities.actions.PreviewContext;
import dev.paved.activities.catalogfile.CatalogFileActivitiesImpl;
import dev.paved.activities.support.Inputs;
import dev.paved.activities.support.PlannedStep;
import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.StepClass;
import java.util.List;
import java.util.Map;

/**
 * {@code catalog:write}: writes a catalog entity as YAML to a file of the workspace, replacing it.
 */
public final class CatalogWriteAction extends Action {

  public CatalogWriteAction() {
    super(
        "catalog:write",
        "Writes a catalog entity as YAML to a file of the workspace, replacing it.",
        "CatalogWrite",
        StepClass.WORKSPACE);
  }

  @Override
  public Object activities(ActionContext context) {
    return new CatalogFileActivitiesImpl(context.workspaces());
  }

  @Override
  public PlannedStep preview(ActionRequest request, PreviewContext context) {
    new CatalogFileActivitiesImpl(context.workspaces()).catalogWrite(request);
    String path =
        Inputs.of(request.action(), request.input()).string("filePath", "catalog-info.yaml");
    return new PlannedStep(
        Map.of(),
        List.of(resource("catalog-file", "path", path, "entity", request.input().get("entity"))));
  }
}
