package dev.paved.activities.github;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static dev.paved.activities.github.GithubStandIn.reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paved.workflows.steps.FailureTypes;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kohsuke.github.GHRepository;

class GithubGitDataTest {

  @TempDir Path source;

  GithubStandIn github;
  GHRepository repo;

  @BeforeEach
  void setUp() throws Exception {
    github = new GithubStandIn();
    github.repository("acme", "checkout", "main");
    repo = github.connection().api().getRepository("acme/checkout");
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
    github.answer(post("/repos/acme/checkout/git/trees"), reply(404, NOT_FOUND));

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
  }

  @Test
  void aWorkflowUnderATargetFolderIsNotOneOfTheRepositorysWorkflows() throws Exception {
    Files.createDirectories(source.resolve(".github/workflows"));
    Files.writeString(source.resolve(".github/workflows/ci.yml"), "on: push\n");
    github.answer(post("/repos/acme/checkout/git/trees"), reply(404, NOT_FOUND));

    // under apps/checkout the file is no workflow: the 404 is left to the caller's mapping
    assertThatThrownBy(() -> GithubGitData.writeTree(repo, source, "base-tree", "apps/checkout"))
        .isInstanceOf(java.io.FileNotFoundException.class);
  }

  @Test
  void aTreeWithoutWorkflowsRefusedWith404IsLeftToTheCallersMapping() {
    github.answer(post("/repos/acme/checkout/git/trees"), reply(404, NOT_FOUND));

    assertThatThrownBy(() -> GithubGitData.writeTree(repo, source, "base-tree", ""))
        .isInstanceOf(java.io.FileNotFoundException.class);
  }

  static final String NOT_FOUND =
      "{\"message\":\"Not Found\",\"documentation_url\":"
          + "\"https://docs.github.com/rest/git/trees#create-a-tree\",\"status\":\"404\"}";
}
