package dev.paved.activities.workspace;

import dev.paved.activities.support.FileTrees;
import dev.paved.activities.support.Workspaces;
import dev.paved.workflows.actions.WorkspaceActivities;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Deletes a run's workspace when the run has ended. */
public final class WorkspaceActivitiesImpl implements WorkspaceActivities {

  private final Workspaces workspaces;

  public WorkspaceActivitiesImpl(Workspaces workspaces) {
    this.workspaces = workspaces;
  }

  /** Deletes the run's workspace folder and all it holds; nothing to do when it is gone. */
  @Override
  public void deleteWorkspace(String runId) {
    Path workspace = workspaces.forRun(runId); // checks the id; an absent folder is made, then gone
    try {
      FileTrees.delete(workspace); // links as links: nothing outside is ever followed
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
