package dev.paved.activities.filesystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paved.activities.support.Workspaces;
import dev.paved.workflows.steps.ActionRequest;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesystemActivitiesImplTest {

  @TempDir Path dir;
  private Path workspace;
  private Path outside;
  private FilesystemActivitiesImpl fs;

  @BeforeEach
  void setUp() throws IOException {
    Workspaces workspaces = new Workspaces(dir.resolve("workspaces"));
    workspace = workspaces.forRun("run-1");
    outside = Files.createDirectories(dir.resolve("outside"));
    Files.writeString(outside.resolve("keep.txt"), "not the run's");
    fs = new FilesystemActivitiesImpl(workspaces);
  }

  private Path file(String path) throws IOException {
    Path file = workspace.resolve(path);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, path);
  }

  private static ActionRequest request(String action, Map<String, Object> input) {
    return new ActionRequest("run-1", "team/checkout", "s", action, input, "/t", "alice");
  }

  private void delete(Object... files) {
    fs.fsDelete(request("fs:delete", Map.of("files", List.of(files))));
  }

  private void rename(Map<String, Object> file) {
    fs.fsRename(request("fs:rename", Map.of("files", List.of(file))));
  }

  @Test
  void deletesFilesFoldersAndWhatAGlobMatches() throws IOException {
    file("a.txt");
    file("b.txt");
    file("docs/guide.md");
    file("docs/nested/more.md");
    file("src/App.java");
    file("src/notes.txt");

    delete("a.txt", "docs", "*.txt", "gone-already.txt");

    assertThat(workspace.resolve("a.txt")).doesNotExist();
    assertThat(workspace.resolve("b.txt")).doesNotExist();
    assertThat(workspace.resolve("docs")).doesNotExist();
    // as with globby, '*' stays in its folder
    assertThat(workspace.resolve("src/notes.txt")).exists();
    delete("src/**.txt");
    assertThat(workspace.resolve("src/notes.txt")).doesNotExist();
    assertThat(workspace.resolve("src/App.java")).exists();
  }

  @Test
  void deleteRefusesEveryPathOutsideTheWorkspace() throws IOException {
    Files.createSymbolicLink(workspace.resolve("link"), outside);
    for (String bad :
        List.of(
            "../outside/keep.txt",
            outside.resolve("keep.txt").toString(),
            "a/../../outside/keep.txt",
            ".",
            "../*",
            "link/keep.txt")) {
      assertThatThrownBy(() -> delete(bad))
          .as(bad)
          .isInstanceOfSatisfying(
              ApplicationFailure.class, f -> assertThat(f.getType()).isEqualTo("InvalidInput"));
    }
    assertThat(outside.resolve("keep.txt")).hasContent("not the run's");
    // the link itself is the run's: deleting it leaves what it points to alone
    delete("link");
    assertThat(workspace.resolve("link")).doesNotExist();
    assertThat(outside.resolve("keep.txt")).exists();
  }

  @Test
  void renamesFilesAndFoldersAndIsSafeToRetry() throws IOException {
    file("README.tmpl.md");
    file("old/App.java");
    Map<String, Object> readme = Map.of("from", "README.tmpl.md", "to", "docs/README.md");

    rename(readme);
    rename(Map.of("from", "old", "to", "src/main"));
    rename(readme); // a retry after the move: already done

    assertThat(workspace.resolve("docs/README.md")).hasContent("README.tmpl.md");
    assertThat(workspace.resolve("src/main/App.java")).exists();
    assertThat(workspace.resolve("old")).doesNotExist();
  }

  @Test
  void renameKeepsAnExistingDestinationUnlessOverwrite() throws IOException {
    file("a.txt");
    file("b.txt");

    assertThatThrownBy(() -> rename(Map.of("from", "a.txt", "to", "b.txt")))
        .hasMessageContaining("overwrite");
    assertThat(workspace.resolve("b.txt")).hasContent("b.txt");

    rename(Map.of("from", "a.txt", "to", "b.txt", "overwrite", true));
    assertThat(workspace.resolve("b.txt")).hasContent("a.txt");
    assertThatThrownBy(() -> rename(Map.of("from", "missing.txt", "to", "c.txt")))
        .hasMessageContaining("nothing to move");
  }

  @Test
  void renameRefusesPathsOutsideTheWorkspace() throws IOException {
    file("a.txt");
    for (Map<String, Object> bad :
        List.<Map<String, Object>>of(
            Map.of("from", "a.txt", "to", "../escaped.txt"),
            Map.of("from", "../outside/keep.txt", "to", "stolen.txt"),
            Map.of("from", "a.txt", "to", outside.resolve("b.txt").toString()),
            Map.of("from", ".", "to", "x"))) {
      assertThatThrownBy(() -> rename(bad))
          .as(bad.toString())
          .isInstanceOfSatisfying(
              ApplicationFailure.class, f -> assertThat(f.getType()).isEqualTo("InvalidInput"));
    }
    assertThat(dir.resolve("workspaces/escaped.txt")).doesNotExist();
    assertThat(outside.resolve("keep.txt")).exists();
    assertThat(workspace.resolve("stolen.txt")).doesNotExist();
  }
}
