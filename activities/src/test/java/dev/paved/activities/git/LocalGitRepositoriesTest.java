package dev.paved.activities.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.failure.ApplicationFailure;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocalGitRepositoriesTest {

  @TempDir Path root;

  @ParameterizedTest
  @CsvSource({"..,x", "acme,..", "acme,a/b", "acme,.hidden", "acme,x.git", "a\\b,x", "'',x"})
  void refusesNamesThatCouldLeaveTheRoot(String owner, String repo) {
    LocalGitRepositories git = new LocalGitRepositories(root);

    assertThatThrownBy(() -> git.path(owner, repo)).isInstanceOf(ApplicationFailure.class);
  }

  @Test
  void repositoryIsOwnerSlashRepoDotGitUnderTheRoot() {
    LocalGitRepositories git = new LocalGitRepositories(root);

    assertThat(git.path("acme", "check.out")).isEqualTo(root.resolve("acme/check.out.git"));
  }

  @Test
  void createMarksTheRepositoryAndIsIdempotent() {
    LocalGitRepositories git = new LocalGitRepositories(root);

    assertThat(
            git.createIfAbsent(
                RepositoryMarker.forService("acme", "c", "acme/c", "r-1"), "main", null))
        .isTrue();
    assertThat(
            git.createIfAbsent(
                RepositoryMarker.forService("acme", "c", "other/c", "r-2"), "main", null))
        .isFalse();

    assertThat(git.serviceMarker("acme", "c")).contains("acme/c");
    assertThat(root.resolve("acme")).isDirectoryNotContaining("glob:**/.new-*");
  }

  @Test
  void deleteNeedsTheMarker() {
    LocalGitRepositories git = new LocalGitRepositories(root);
    git.createIfAbsent(RepositoryMarker.forPaved("platform", "gitops", "gitops"), "main", null);

    assertThat(git.deleteIfMarked("platform", "gitops", "platform/gitops", "r-1")).isFalse();
    assertThat(git.deleteIfMarked("platform", "gitops", null, null)).isFalse();
    assertThat(git.exists("platform", "gitops")).isTrue();
    assertThat(git.serviceMarker("platform", "gitops")).isEmpty();
  }

  @Test
  void parsesOnlyUrlsOfItsOwnRoot() {
    LocalGitRepositories git = new LocalGitRepositories(root);

    assertThat(git.parse(git.remoteUrl("acme", "c") + "/blob/feature/x"))
        .contains(new RepositoryAddress("acme", "c", "/blob/feature/x"));
    assertThat(git.parse("file:///elsewhere/acme/c.git/blob/main")).isEmpty();
    assertThat(git.parse(git.rootUrl() + "/acme/../c.git")).isEmpty();
  }
}
