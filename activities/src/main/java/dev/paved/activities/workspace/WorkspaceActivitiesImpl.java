package dev.paved.activities.workspace;

import dev.paved.activities.support.Workspaces;
import dev.paved.workflows.actions.WorkspaceActivities;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

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
      // links are deleted as links: nothing outside the workspace is ever followed
      Files.walkFileTree(
          workspace,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
              if (e != null) {
                throw e;
              }
              Files.delete(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
