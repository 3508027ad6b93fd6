package dev.paved.activities.workspace;

import dev.paved.activities.support.FileTrees;
import dev.paved.activities.support.WorkspaceSync;
import dev.paved.activities.support.Workspaces;
import dev.paved.workflows.actions.WorkspaceActivities;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Deletes a run's workspace when the run has ended: the folder on this host, and the stored copy
 * when workspaces are kept where every worker reaches them (other hosts' copies are left to their
 * janitor, {@code WorkspaceSync#sweep}).
 */
public final class WorkspaceActivitiesImpl implements WorkspaceActivities {

  private final Workspaces workspaces;
  private final WorkspaceSync sync;

  public WorkspaceActivitiesImpl(Workspaces workspaces) {
    this(workspaces, null);
  }

  /** With {@code sync} null when the workspace folder is the only copy. */
  public WorkspaceActivitiesImpl(Workspaces workspaces, WorkspaceSync sync) {
    this.workspaces = workspaces;
    this.sync = sync;
  }

  /** Deletes the run's workspace folder and all it holds; nothing to do when it is gone. */
  @Override
  public void deleteWorkspace(String runId) {
    Path workspace = workspaces.forRun(runId); // checks the id; an absent folder is made, then gone
    try {
      FileTrees.delete(workspace); // links as links: nothing outside is ever followed
      if (sync != null) {
        sync.forget(runId);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
