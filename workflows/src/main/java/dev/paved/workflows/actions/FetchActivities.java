package dev.paved.workflows.actions;

import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.ActionResult;
import io.temporal.activity.ActivityInterface;

/** Actions that fill the run's workspace from files next to the template. */
@ActivityInterface
public interface FetchActivities {

  /**
   * {@code fetch:template}: renders a skeleton folder into the workspace (idempotent: overwrites).
   */
  ActionResult fetchTemplate(ActionRequest request);

  /** {@code fetch:plain}: copies a folder into the workspace as it is. */
  ActionResult fetchPlain(ActionRequest request);

  /** {@code fetch:template:file}: renders one file next to the template into the workspace. */
  ActionResult fetchTemplateFile(ActionRequest request);

  /** {@code fetch:plain:file}: copies one file next to the template into the workspace. */
  ActionResult fetchPlainFile(ActionRequest request);
}
