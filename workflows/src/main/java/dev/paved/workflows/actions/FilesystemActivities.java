package dev.paved.workflows.actions;

import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.ActionResult;
import io.temporal.activity.ActivityInterface;

/** Actions that change files already in the run's workspace; no path may leave it. */
@ActivityInterface
public interface FilesystemActivities {

  /** {@code fs:delete}: deletes files and folders (names or glob patterns) from the workspace. */
  ActionResult fsDelete(ActionRequest request);

  /** {@code fs:rename}: moves files and folders inside the workspace. */
  ActionResult fsRename(ActionRequest request);
}
