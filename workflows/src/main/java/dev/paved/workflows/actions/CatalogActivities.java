package dev.paved.workflows.actions;

import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.ActionResult;
import io.temporal.activity.ActivityInterface;

/** The service's entity in Paved's catalog ({@code catalog:register}); runs on the API's queue. */
@ActivityInterface
public interface CatalogActivities {

  /** Reads the entity file from the published repository and stores the entity. */
  ActionResult catalogRegister(ActionRequest request);

  /** Removes the entity if it was registered for this service. */
  void undoCatalogRegister(ActionRequest request);
}
