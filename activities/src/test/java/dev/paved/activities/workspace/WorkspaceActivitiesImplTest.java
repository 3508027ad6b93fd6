package dev.paved.activities.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paved.activities.support.Workspaces;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceActivitiesImplTest {

  @TempDir Path dir;

  @Test
  void deletesOnlyTheRunsWorkspaceAndIsIdempotent() throws IOException {
    Workspaces workspaces = new Workspaces(dir.resolve("workspaces"));
    Path mine = workspaces.forRun("run-1");
    Path other = workspaces.forRun("run-2");
    Files.createDirectories(mine.resolve("repo/src"));
    Files.writeString(mine.resolve("repo/src/App.java"), "x");
    Files.writeString(other.resolve("keep.txt"), "x");
    Path outside = Files.writeString(dir.resolve("outside.txt"), "keep me");
    Files.createSymbolicLink(mine.resolve("link"), outside);
    Files.createSymbolicLink(mine.resolve("dirlink"), other);
    WorkspaceActivitiesImpl activities = new WorkspaceActivitiesImpl(workspaces);

    activities.deleteWorkspace("run-1");
    activities.deleteWorkspace("run-1");

    assertThat(mine).doesNotExist();
    assertThat(outside).hasContent("keep me");
    assertThat(other.resolve("keep.txt")).exists();
  }

  @Test
  void refusesARunIdThatIsAPath() {
    WorkspaceActivitiesImpl activities =
        new WorkspaceActivitiesImpl(new Workspaces(dir.resolve("workspaces")));

    assertThatThrownBy(() -> activities.deleteWorkspace("../"))
        .isInstanceOf(ApplicationFailure.class);
    assertThat(dir).exists();
  }
}
