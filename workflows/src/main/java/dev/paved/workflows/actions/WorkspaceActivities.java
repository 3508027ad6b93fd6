package dev.paved.workflows.actions;

import io.temporal.activity.ActivityInterface;

/** The run's scratch folder, where steps leave files for the steps after them. */
@ActivityInterface
public interface WorkspaceActivities {

  /** Deletes the run's workspace once the run has ended; nothing there is needed after. */
  void deleteWorkspace(String runId);
}
