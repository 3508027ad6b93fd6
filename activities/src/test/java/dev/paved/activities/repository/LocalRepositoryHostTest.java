package dev.paved.activities.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paved.activities.git.LocalGitRepositories;
import dev.paved.activities.support.RepoUrl;
import dev.paved.workflows.steps.FailureTypes;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalRepositoryHostTest {

  @TempDir Path data;

  LocalRepositoryHost host;
  PublishedRepository published;

  @BeforeEach
  void setUp() throws Exception {
    host = new LocalRepositoryHost(new LocalGitRepositories(data.resolve("data dir/git")));
    Path source = Files.createDirectories(data.resolve("source/docs"));
    Files.writeString(source.getParent().resolve("catalog-info.yaml"), "kind: Component\n");
    Files.writeString(source.resolve("index.md"), "# Docs\n");
    published =
        host.publish(
            new Publication(
                RepoUrl.parse("github.com?owner=acme&repo=checkout"),
                "acme/checkout",
                "r-1",
                null,
                "main",
                source.getParent(),
                "initial commit",
                CommitAuthor.PAVED));
  }

  @Test
  void readsAFileAtTheBranchOfARepoContentsUrl() {
    assertThat(host.readFile(published.repoContentsUrl(), "/catalog-info.yaml"))
        .contains("kind: Component\n");
    assertThat(host.readFile(published.repoContentsUrl(), "./docs/index.md")).contains("# Docs\n");
  }

  @Test
  void aRootWithASpaceStillGivesAUrlThatReadsBack() {
    assertThat(published.remoteUrl()).contains("data%20dir");
    assertThat(host.readFile(published.repoContentsUrl(), "catalog-info.yaml")).isPresent();
  }

  @Test
  void missingFileBranchOrRepositoryIsEmpty() {
    String url = published.repoContentsUrl();
    assertThat(host.readFile(url, "nope.yaml")).isEmpty();
    assertThat(host.readFile(url, "docs")).isEmpty();
    assertThat(host.readFile(url.replace("/blob/main", "/blob/trunk"), "catalog-info.yaml"))
        .isEmpty();
    assertThat(host.readFile(url.replace("/checkout.git/", "/other.git/"), "catalog-info.yaml"))
        .isEmpty();
  }

  @Test
  void urlsOfOtherHostsOrUnsafePathsAreInvalidInput() {
    assertInvalid("https://github.com/acme/checkout/blob/main", "catalog-info.yaml");
    assertInvalid(published.remoteUrl(), "catalog-info.yaml");
    assertInvalid(published.remoteUrl().replace("/acme/", "/../") + "/blob/main", "x");
    assertInvalid(published.repoContentsUrl(), "../../etc/passwd");
  }

  void assertInvalid(String url, String path) {
    assertThatThrownBy(() -> host.readFile(url, path))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> assertThat(f.getType()).isEqualTo(FailureTypes.INVALID_INPUT));
  }

  @Test
  void noServiceMayTakeTheGitopsRepository() throws Exception {
    RepoUrl gitops = RepoUrl.parse("github.com?owner=platform&repo=gitops");
    LocalGitRepositories git = new LocalGitRepositories(data.resolve("reserved/git"));
    LocalRepositoryHost guarded = new LocalRepositoryHost(git, java.util.List.of(gitops));

    assertThatThrownBy(
            () ->
                guarded.publish(
                    new Publication(
                        gitops,
                        "platform/gitops",
                        "r-1",
                        null,
                        "main",
                        Files.createDirectories(data.resolve("empty")),
                        "initial commit",
                        CommitAuthor.PAVED)))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> assertThat(f.getType()).isEqualTo(FailureTypes.INVALID_INPUT));
    assertThat(git.exists("platform", "gitops")).isFalse();
  }
}
