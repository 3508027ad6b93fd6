package dev.paved.activities.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderTreeTest {

  @TempDir Path temp;

  Repository repository;
  Path folder;

  @BeforeEach
  void setUp() throws Exception {
    repository =
        Git.init()
            .setBare(true)
            .setDirectory(temp.resolve("r.git").toFile())
            .call()
            .getRepository();
    folder = Files.createDirectories(temp.resolve("folder"));
  }

  List<String> paths(ObjectId tree) throws Exception {
    List<String> paths = new ArrayList<>();
    try (TreeWalk walk = new TreeWalk(repository)) {
      walk.addTree(tree);
      walk.setRecursive(true);
      while (walk.next()) {
        paths.add(walk.getPathString() + (walk.getFileMode(0) == FileMode.SYMLINK ? "@" : ""));
      }
    }
    return paths;
  }

  @Test
  void laysTheFolderOverTheBaseUnderAPrefix() throws Exception {
    Files.writeString(folder.resolve("a.txt"), "a");
    ObjectId base = FolderTree.write(repository, folder, null, "");
    Files.createDirectories(folder.resolve("sub"));
    Files.writeString(folder.resolve("sub/b.txt"), "b");

    ObjectId tree = FolderTree.write(repository, folder, base, "./apps/checkout/");

    assertThat(paths(tree))
        .containsExactly("a.txt", "apps/checkout/a.txt", "apps/checkout/sub/b.txt");
  }

  @Test
  void aNewFileReplacesWhatClashesWithIt() throws Exception {
    Files.writeString(folder.resolve("apps"), "a file where a folder will go");
    ObjectId base = FolderTree.write(repository, folder, null, "");
    Files.delete(folder.resolve("apps"));
    Files.writeString(folder.resolve("x.yaml"), "x");

    assertThat(paths(FolderTree.write(repository, folder, base, "apps")))
        .containsExactly("apps/x.yaml");
  }

  @Test
  void skipsDotGitAndKeepsLinksAsLinks() throws Exception {
    Files.createDirectories(folder.resolve(".git"));
    Files.writeString(folder.resolve(".git/config"), "secret-ish");
    Files.writeString(folder.resolve("real.txt"), "r");
    Files.createSymbolicLink(folder.resolve("passwd"), Path.of("/etc/passwd"));

    assertThat(paths(FolderTree.write(repository, folder, null, "")))
        .containsExactly("passwd@", "real.txt");
  }

  @Test
  void refusesAnEmptyFolderAndPrefixesThatClimb() throws Exception {
    assertThatThrownBy(() -> FolderTree.write(repository, folder, null, ""))
        .isInstanceOf(ApplicationFailure.class);
    Files.writeString(folder.resolve("a.txt"), "a");
    for (String prefix : List.of("../x", "a/../../x", ".git/hooks", "a//b")) {
      assertThatThrownBy(() -> FolderTree.write(repository, folder, null, prefix))
          .as(prefix)
          .isInstanceOf(ApplicationFailure.class);
    }
  }
}
