package dev.paved.activities.actions;

import dev.paved.activities.support.PlannedStep;
import dev.paved.workflows.steps.ActionResult;
import java.util.List;

/** Small helpers for actions' previews. */
public final class Previews {

  private Previews() {}

  /**
   * A workspace-only step that ran for real in the dry run's workspace: its output, no resource.
   */
  public static PlannedStep done(ActionResult result) {
    return new PlannedStep(result.output(), List.of());
  }
}
