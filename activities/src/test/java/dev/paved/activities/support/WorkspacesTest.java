package dev.paved.activities.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.failure.ApplicationFailure;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspacesTest {

  @TempDir Path root;

  @Test
  void resolvesInsideTheRunsWorkspace() {
    Workspaces workspaces = new Workspaces(root);
    Path workspace = workspaces.forRun("r-1");
    assertThat(workspace).isDirectory().isEqualTo(root.resolve("r-1"));
    assertThat(workspaces.resolve("r-1", "gitops/apps"))
        .isEqualTo(workspace.resolve("gitops/apps"));
    assertThat(workspaces.resolve("r-1", ".")).isEqualTo(workspace);
    assertThat(workspaces.resolve("r-1", "a/../b")).isEqualTo(workspace.resolve("b"));
  }

  @Test
  void refusesPathsThatLeaveItOrAreNotPaths() {
    Workspaces workspaces = new Workspaces(root);
    for (String bad : new String[] {"../other", "/etc", "a/../../x", "nul\0byte"}) {
      assertThatThrownBy(() -> workspaces.resolve("r-1", bad))
          .as(bad)
          .isInstanceOfSatisfying(
              ApplicationFailure.class,
              f -> {
                assertThat(f.getType()).isEqualTo("InvalidInput");
                assertThat(f.isNonRetryable()).isTrue();
              });
    }
    assertThatThrownBy(() -> workspaces.forRun("../r-1")).isInstanceOf(ApplicationFailure.class);
  }
}
