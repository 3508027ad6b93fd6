package dev.paved.activities.pullrequest;

import static dev.paved.testfixtures.StandIn.singleQuoted;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.activities.github.GithubConnection;
import dev.paved.activities.github.GithubMarker;
import dev.paved.activities.support.RepoUrl;
import dev.paved.activities.support.Workspaces;
import dev.paved.testfixtures.github.FakeGithub;
import dev.paved.workflows.steps.ActionRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code publish:github:pull-request}'s inputs as the requests GitHub receives. */
class PullRequestActivitiesGithubTest {

  static final String SERVICE = "team-payments/checkout";
  static final String REPO = "/api/v3/repos/acme/gitops";

  @TempDir Path data;

  FakeGithub github;
  PullRequestActivitiesImpl activities;

  @BeforeEach
  void setUp() throws Exception {
    github = new FakeGithub();
    github.repository("acme", "gitops", Map.of("README.md", "# gitops\n"));
    RepoUrl gitops = RepoUrl.parse("github.com?owner=acme&repo=gitops");
    Workspaces workspaces = new Workspaces(data.resolve("workspaces"));
    activities =
        new PullRequestActivitiesImpl(
            new GithubPullRequestHost(
                GithubConnection.withToken(github.apiUrl(), FakeGithub.TOKEN, Clock.systemUTC()),
                gitops,
                "https://paved.example"),
            workspaces,
            gitops);
    Path change = workspaces.resolve("run-1", "gitops");
    Files.createDirectories(change);
    Files.writeString(change.resolve("deployment.yaml"), "kind: Deployment\n");
  }

  @AfterEach
  void tearDown() {
    assertThat(github.unhandled()).isEmpty();
    github.close();
  }

  ActionRequest request() {
    Map<String, Object> input = new HashMap<>();
    input.put("branchName", "paved/checkout");
    input.put("title", "Deploy checkout");
    input.put("sourcePath", "gitops");
    input.put("targetPath", "./apps/checkout/");
    return new ActionRequest(
        "run-1", SERVICE, "pr", "publish:github:pull-request", input, null, "ana");
  }

  @Test
  void opensThePullRequestInTheGitopsRepositoryWhenTheStepNamesNone() {
    var output = activities.publishGithubPullRequest(request()).output();

    assertThat(output)
        .isEqualTo(
            Map.of(
                "remoteUrl",
                github.webUrl() + "/acme/gitops/pull/1",
                "pullRequestNumber",
                1,
                "targetBranchName",
                "main"));
    assertThat(github.lastBody("POST", REPO + "/git/trees").get("tree").get(0).get("path").asText())
        .isEqualTo("apps/checkout/deployment.yaml");
    assertThat(github.lastBody("POST", REPO + "/pulls").get("body").asText())
        .isEqualTo(
            "---\nOpened by Paved for service `team-payments/checkout` in run"
                + " [run-1](https://paved.example/api/v1/runs/run-1).\n"
                + "<!-- paved:service=team-payments/checkout run=run-1 -->\n");
    assertThat(github.files("acme/gitops", "paved/checkout"))
        .containsEntry("apps/checkout/deployment.yaml", "kind: Deployment\n")
        .containsEntry("README.md", "# gitops\n");
  }

  @Test
  void undoClosesThePullRequestThisRunOpenedAndDeletesItsBranch() {
    github.branch(
        "acme/gitops",
        "paved/checkout",
        "main",
        Map.of("apps/checkout/deployment.yaml", "kind: Deployment\n"),
        "Deploy checkout\n\nPaved-Service: team-payments/checkout\n");
    github.pullRequest(
        "acme/gitops",
        "paved/checkout",
        "main",
        "Deploy checkout",
        new GithubMarker(SERVICE, "run-1").comment());

    activities.undoPublishGithubPullRequest(request());

    assertThat(github.lines())
        .contains(
            "PATCH " + REPO + "/pulls/1", "DELETE " + REPO + "/git/refs/heads/paved/checkout");
    assertThat(github.lastBody("PATCH", REPO + "/pulls/1"))
        .isEqualTo(singleQuoted("{'state':'closed'}"));
    assertThat(github.pullRequests("acme/gitops").get(0).path("state").asText())
        .isEqualTo("closed");
  }
}
