package dev.paved.activities.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paved.testfixtures.github.FakeGithub;
import dev.paved.workflows.steps.FailureTypes;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kohsuke.github.GHRepository;

class GithubGitDataTest {

  @TempDir Path source;

  FakeGithub github;
  GHRepository repo;

  @BeforeEach
  void setUp() throws Exception {
    github = new FakeGithub();
    github.repository("acme", "checkout", Map.of("README.md", "# checkout\n"));
    repo =
        GithubConnection.withToken(github.apiUrl(), FakeGithub.TOKEN, Clock.systemUTC())
            .api()
            .getRepository("acme/checkout");
    Files.writeString(source.resolve("README.md"), "# checkout\n");
  }

  @AfterEach
  void tearDown() {
    github.close();
  }

  /**
   * GitHub answers 404 to a tree that adds or changes a workflow file when the credential may not
   * write workflows (no {@code workflow} scope, no Workflows permission): retrying cannot help.
   */
  @Test
  void aTreeWithAWorkflowRefusedWith404IsUnauthorizedNamingThePermission() throws Exception {
    Files.createDirectories(source.resolve(".github/workflows"));
    Files.writeString(source.resolve(".github/workflows/ci.yml"), "on: push\n");
    refuseTrees();

    assertThatThrownBy(() -> GithubGitData.writeTree(repo, source, "base-tree", ""))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.getType()).isEqualTo(FailureTypes.UNAUTHORIZED);
              assertThat(failure.isNonRetryable()).isTrue();
              assertThat(failure.getOriginalMessage())
                  .contains(".github/workflows/ci.yml")
                  .contains("acme/checkout")
                  .contains("`workflow` scope")
                  .contains("Workflows");
            });
    assertThat(treePaths()).containsExactlyInAnyOrder(".github/workflows/ci.yml", "README.md");
  }

  @Test
  void aWorkflowUnderATargetFolderIsNotOneOfTheRepositorysWorkflows() throws Exception {
    Files.createDirectories(source.resolve(".github/workflows"));
    Files.writeString(source.resolve(".github/workflows/ci.yml"), "on: push\n");
    refuseTrees();

    // under apps/checkout the file is no workflow: the 404 is left to the caller's mapping
    assertThatThrownBy(() -> GithubGitData.writeTree(repo, source, "base-tree", "apps/checkout"))
        .isInstanceOf(java.io.FileNotFoundException.class);
    assertThat(treePaths())
        .containsExactlyInAnyOrder(
            "apps/checkout/.github/workflows/ci.yml", "apps/checkout/README.md");
  }

  @Test
  void aTreeWithoutWorkflowsRefusedWith404IsLeftToTheCallersMapping() {
    refuseTrees();

    assertThatThrownBy(() -> GithubGitData.writeTree(repo, source, "base-tree", ""))
        .isInstanceOf(java.io.FileNotFoundException.class);
  }

  /** GitHub's answer when the credential may not write the tree (it hides what it refuses). */
  private void refuseTrees() {
    github.failWhen("POST", "/api/v3/repos/acme/checkout/git/trees", 404, NOT_FOUND);
  }

  /** The paths of the one tree Paved asked GitHub to make, on the base tree it named. */
  private java.util.List<String> treePaths() {
    var call = github.calls("POST", "/api/v3/repos/acme/checkout/git/trees");
    assertThat(call).hasSize(1);
    assertThat(call.get(0).json().path("base_tree").asText()).isEqualTo("base-tree");
    return call.get(0).json().path("tree").findValuesAsText("path");
  }

  static final String NOT_FOUND =
      "{\"message\":\"Not Found\",\"documentation_url\":"
          + "\"https://docs.github.com/rest/git/trees#create-a-tree\",\"status\":\"404\"}";
}
