package dev.paved.workflows.actions;

import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.ActionResult;
import io.temporal.activity.ActivityInterface;

/** Actions that help a template author see what a run does. */
@ActivityInterface
public interface DebugActivities {

  /** {@code debug:log}: writes a message (and, if asked, the workspace listing) to the log. */
  ActionResult debugLog(ActionRequest request);

  /** {@code debug:wait}: waits the given time (10 minutes at most), heartbeating as it waits. */
  ActionResult debugWait(ActionRequest request);
}
