package dev.paved.activities.pullrequest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.paved.activities.github.GithubStandIn.json;
import static dev.paved.activities.github.GithubStandIn.reply;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.activities.github.GithubMarker;
import dev.paved.activities.github.GithubStandIn;
import dev.paved.activities.support.RepoUrl;
import dev.paved.activities.support.Workspaces;
import dev.paved.workflows.steps.ActionRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code publish:github:pull-request}'s inputs as the requests GitHub receives. */
class PullRequestActivitiesGithubTest {

  static final String SERVICE = "team-payments/checkout";
  static final String REPO = "/repos/acme/gitops";

  @TempDir Path data;

  GithubStandIn github;
  PullRequestActivitiesImpl activities;

  @BeforeEach
  void setUp() throws Exception {
    github = new GithubStandIn();
    RepoUrl gitops = RepoUrl.parse("github.com?owner=acme&repo=gitops");
    Workspaces workspaces = new Workspaces(data.resolve("workspaces"));
    activities =
        new PullRequestActivitiesImpl(
            new GithubPullRequestHost(github.connection(), gitops, "https://paved.example"),
            workspaces,
            gitops);
    Path change = workspaces.resolve("run-1", "gitops");
    Files.createDirectories(change);
    Files.writeString(change.resolve("deployment.yaml"), "kind: Deployment\n");
  }

  @AfterEach
  void tearDown() {
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
    github.repository("acme", "gitops", "main");
    github.branch("acme", "gitops", "main", "base-head");
    github.commit("acme", "gitops", "base-head", "base-tree", "Initial commit");
    github.answer(get(urlPathEqualTo(REPO + "/pulls")), reply(200, "[]"));
    github.gitDataWrites("acme", "gitops", "change-tree", "change-commit");
    github.answer(
        post(REPO + "/pulls"),
        reply(
            201,
            "{\"number\":12,\"state\":\"open\",\"html_url\":\""
                + github.url()
                + "/acme/gitops/pull/12\"}"));

    var output = activities.publishGithubPullRequest(request()).output();

    assertThat(output)
        .isEqualTo(
            Map.of(
                "remoteUrl",
                github.url() + "/acme/gitops/pull/12",
                "pullRequestNumber",
                12,
                "targetBranchName",
                "main"));
    assertThat(github.body("POST", REPO + "/git/trees").get("tree").get(0).get("path"))
        .isEqualTo(json("'apps/checkout/deployment.yaml'"));
    assertThat(github.body("POST", REPO + "/pulls").get("body").asText())
        .isEqualTo(
            "---\nOpened by Paved for service `team-payments/checkout` in run"
                + " [run-1](https://paved.example/api/v1/runs/run-1).\n"
                + "<!-- paved:service=team-payments/checkout run=run-1 -->\n");
  }

  @Test
  void undoClosesThePullRequestThisRunOpenedAndDeletesItsBranch() {
    github.repository("acme", "gitops", "main");
    github.answer(
        get(urlPathEqualTo(REPO + "/pulls")),
        reply(
            200,
            "[{\"number\":12,\"state\":\"open\",\"body\":\""
                + new GithubMarker(SERVICE, "run-1").comment()
                + "\"}]"));
    github.answer(patch(REPO + "/pulls/12"), reply(200, "{\"number\":12,\"state\":\"closed\"}"));
    github.branch("acme", "gitops", "paved/checkout", "branch-head");
    github.answer(
        get(REPO + "/compare/main...paved/checkout"),
        reply(
            200,
            "{\"base_commit\":{\"sha\":\"b\"},\"merge_base_commit\":{\"sha\":\"b\"},"
                + "\"commits\":[{\"sha\":\"branch-head\",\"commit\":{\"message\":"
                + "\"Deploy checkout\\n\\nPaved-Service: team-payments/checkout\\n\"}}]}"));
    github.answer(delete(REPO + "/git/refs/heads/paved/checkout"), aResponse().withStatus(204));

    activities.undoPublishGithubPullRequest(request());

    assertThat(github.requests())
        .contains(
            "PATCH " + REPO + "/pulls/12", "DELETE " + REPO + "/git/refs/heads/paved/checkout");
    assertThat(github.body("PATCH", REPO + "/pulls/12")).isEqualTo(json("{'state':'closed'}"));
  }
}
