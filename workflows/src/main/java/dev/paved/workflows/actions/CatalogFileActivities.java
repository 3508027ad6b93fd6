package dev.paved.workflows.actions;

import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.ActionResult;
import io.temporal.activity.ActivityInterface;

/** Actions that write catalog descriptor files into the run's workspace. */
@ActivityInterface
public interface CatalogFileActivities {

  /** {@code catalog:write}: writes an entity as YAML (default {@code catalog-info.yaml}). */
  ActionResult catalogWrite(ActionRequest request);
}
