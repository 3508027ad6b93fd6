package dev.paved.api.scorecards.facts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.activities.git.LocalGitRepositories;
import dev.paved.activities.github.GithubConnection;
import dev.paved.testfixtures.github.FakeGithub;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kohsuke.github.GHContent;
import org.kohsuke.github.GHRepository;

/**
 * A service's last deployment from a GitOps repository on GitHub (FakeGithub, answering the commits
 * API as GitHub does): the newest commit touching the service's folder, not the repository's.
 */
class GitopsHistoryGithubTest {

  private final FakeGithub github = new FakeGithub();

  @AfterEach
  void stop() {
    assertThat(github.unhandled()).isEmpty();
    github.close();
  }

  @Test
  void theNewestCommitTouchingTheFolderIsItsLastDeployment() throws Exception {
    github.repository(
        "platform",
        "gitops",
        Map.of("apps/a/deployment.yaml", "a: 1\n", "apps/b/deployment.yaml", "b: 1\n"),
        "first deployments");
    GithubConnection connection =
        GithubConnection.withToken(github.apiUrl(), FakeGithub.TOKEN, Clock.systemUTC());
    GHRepository gitops = connection.api().getRepository("platform/gitops");
    String first = gitops.getBranch("main").getSHA1();
    GHContent b = gitops.getFileContent("apps/b/deployment.yaml", "main");
    String second =
        gitops
            .createContent()
            .path("apps/b/deployment.yaml")
            .content("b: 2\n")
            .message("b, second release")
            .sha(b.getSha())
            .branch("main")
            .commit()
            .getCommit()
            .getSHA1();

    GitopsHistory history =
        new GitopsHistory(
            "platform",
            "gitops",
            new LocalGitRepositories(Files.createTempDirectory("gitops-local")),
            connection);
    assertThat(history.newest("apps/a").orElseThrow().commit()).isEqualTo(first);
    assertThat(history.newest("apps/b").orElseThrow().commit()).isEqualTo(second);
    assertThat(history.newest("apps/b").orElseThrow().source())
        .isEqualTo("gitops:platform/gitops@main:apps/b");
    GitopsHistory.Change none = history.newest("apps/c").orElseThrow();
    assertThat(none.at()).isNull();
    assertThat(github.lines()).contains("GET /api/v3/repos/platform/gitops/commits");
  }
}
