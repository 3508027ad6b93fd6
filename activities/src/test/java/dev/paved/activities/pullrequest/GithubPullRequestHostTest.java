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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paved.activities.github.GithubMarker;
import dev.paved.activities.github.GithubStandIn;
import dev.paved.activities.support.RepoUrl;
import dev.paved.workflows.steps.FailureTypes;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GithubPullRequestHostTest {

  static final String SERVICE = "team-payments/checkout";
  static final RepoUrl GITOPS = RepoUrl.parse("github.com?owner=platform&repo=gitops");
  static final String BRANCH = "paved/checkout";
  static final String REPO = "/repos/platform/gitops";
  static final String OPEN_ON_BRANCH =
      REPO + "/pulls?state=open&head=platform%3Apaved%2Fcheckout&per_page=10";

  @TempDir Path change;

  GithubStandIn github;
  GithubPullRequestHost host;

  @BeforeEach
  void setUp() throws Exception {
    github = new GithubStandIn();
    host = new GithubPullRequestHost(github.connection(), GITOPS, "https://paved.example/");
    Files.createDirectories(change.resolve("apps"));
    Files.writeString(change.resolve("apps/deployment.yaml"), "kind: Deployment\n");
  }

  @AfterEach
  void tearDown() {
    github.close();
  }

  PullRequestChange change(String runId) {
    return new PullRequestChange(
        GITOPS,
        SERVICE,
        runId,
        BRANCH,
        "Deploy checkout",
        "Manifests for checkout.",
        change,
        "services/checkout");
  }

  /** The GitOps repository with {@code main} at base-head; no pull request is open. */
  void gitops(String... openPullRequests) {
    github.repository("platform", "gitops", "main");
    github.branch("platform", "gitops", "main", "base-head");
    github.commit("platform", "gitops", "base-head", "base-tree", "Initial commit");
    github.answer(
        get(urlPathEqualTo(REPO + "/pulls")),
        reply(200, "[" + String.join(",", openPullRequests) + "]"));
    github.gitDataWrites("platform", "gitops", "change-tree", "change-commit");
  }

  String pullRequestJson(int number, String body) {
    return """
        {"number":%d,"state":"open","title":"Deploy checkout","body":%s,
         "html_url":"%s/platform/gitops/pull/%d","url":"%s%s/pulls/%d",
         "head":{"ref":"%s","sha":"branch-head"},"base":{"ref":"main","sha":"base-head"}}"""
        .formatted(number, quote(body), github.url(), number, github.url(), REPO, number, BRANCH);
  }

  static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }

  /** The branch exists at branch-head, one commit ahead of main with this message. */
  void branchAhead(String message) {
    github.branch("platform", "gitops", BRANCH, "branch-head");
    github.commit("platform", "gitops", "branch-head", "branch-tree", message, "base-head");
    github.answer(
        get(REPO + "/compare/main..." + BRANCH),
        reply(
            200,
            """
            {"status":"ahead","ahead_by":1,"behind_by":0,"total_commits":1,
             "base_commit":{"sha":"base-head"},"merge_base_commit":{"sha":"base-head"},
             "commits":[{"sha":"branch-head","commit":{"message":%s}}],"files":[]}"""
                .formatted(quote(message))));
  }

  static String madeFor(String service, String run) {
    return "Deploy checkout\n\n" + new GithubMarker(service, run).trailers();
  }

  @Test
  void opensAPullRequestFromANewBranchWithOneCommitOfTheChange() {
    gitops();
    github.answer(post(REPO + "/pulls"), reply(201, pullRequestJson(7, "")));

    OpenedPullRequest opened = host.open(change("run-1"));

    assertThat(opened)
        .isEqualTo(
            new OpenedPullRequest(7, github.url() + "/platform/gitops/pull/7", "main", false));
    assertThat(github.requests())
        .containsExactly(
            "GET " + REPO,
            "GET " + REPO + "/git/refs/heads/main",
            "GET " + OPEN_ON_BRANCH,
            "GET " + REPO + "/git/refs/heads/paved/checkout",
            "GET " + REPO + "/commits/base-head",
            "POST " + REPO + "/git/trees",
            "POST " + REPO + "/git/commits",
            "POST " + REPO + "/git/refs",
            "POST " + REPO + "/pulls");
    assertThat(github.body("POST", REPO + "/git/trees"))
        .isEqualTo(
            json(
                "{'base_tree':'base-tree','tree':[{'path':'services/checkout/apps/deployment.yaml',"
                    + "'mode':'100644','type':'blob','content':'kind: Deployment\\n'}]}"));
    JsonNode commit = github.body("POST", REPO + "/git/commits");
    assertThat(commit.get("message").asText())
        .isEqualTo(
            "Deploy checkout\n\nManifests for checkout.\n\n"
                + "Paved-Service: team-payments/checkout\nPaved-Run: run-1\n");
    assertThat(commit.get("parents").toString()).isEqualTo("[\"base-head\"]");
    assertThat(commit.get("tree").asText()).isEqualTo("change-tree");
    assertThat(github.body("POST", REPO + "/git/refs"))
        .isEqualTo(json("{'ref':'refs/heads/paved/checkout','sha':'change-commit'}"));
    JsonNode pull = github.body("POST", REPO + "/pulls");
    assertThat(pull.get("title").asText()).isEqualTo("Deploy checkout");
    assertThat(pull.get("head").asText()).isEqualTo(BRANCH);
    assertThat(pull.get("base").asText()).isEqualTo("main");
    assertThat(pull.get("body").asText())
        .isEqualTo(
            "Manifests for checkout.\n\n---\nOpened by Paved for service"
                + " `team-payments/checkout` in run"
                + " [run-1](https://paved.example/api/v1/runs/run-1).\n"
                + "<!-- paved:service=team-payments/checkout run=run-1 -->\n");
    assertThat(github.authorizations()).containsOnly("token " + GithubStandIn.TOKEN);
  }

  @Test
  void adoptsTheServicesOpenPullRequestAndBringsItsBranchUpToDate() {
    String body = "---\n" + new GithubMarker(SERVICE, "run-0").comment();
    gitops(pullRequestJson(7, body));
    branchAhead(madeFor(SERVICE, "run-0"));

    OpenedPullRequest opened = host.open(change("run-1"));

    assertThat(opened.adopted()).isTrue();
    assertThat(opened.number()).isEqualTo(7);
    assertThat(github.requests())
        .containsExactly(
            "GET " + REPO,
            "GET " + REPO + "/git/refs/heads/main",
            "GET " + OPEN_ON_BRANCH,
            "GET " + REPO + "/git/refs/heads/paved/checkout",
            "GET " + REPO + "/compare/main...paved/checkout",
            "GET " + REPO + "/commits/branch-head",
            "POST " + REPO + "/git/trees",
            "POST " + REPO + "/git/commits",
            "PATCH " + REPO + "/git/refs/heads/paved/checkout");
    assertThat(github.body("PATCH", REPO + "/git/refs/heads/paved/checkout"))
        .isEqualTo(json("{'sha':'change-commit','force':false}"));
  }

  @Test
  void anUnchangedBranchGetsNoNewCommit() {
    gitops(pullRequestJson(7, new GithubMarker(SERVICE, "run-1").comment()));
    branchAhead(madeFor(SERVICE, "run-1"));
    github.answer(post(REPO + "/git/trees"), reply(201, "{\"sha\":\"branch-tree\",\"tree\":[]}"));

    assertThat(host.open(change("run-1")).adopted()).isTrue();
    assertThat(github.requests()).last().isEqualTo("POST " + REPO + "/git/trees");
  }

  @Test
  void anotherServicesPullRequestOrBranchIsAConflict() {
    gitops(pullRequestJson(7, new GithubMarker("team-payments/billing", "run-9").comment()));
    assertThatThrownBy(() -> host.open(change("run-1")))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.getType()).isEqualTo(FailureTypes.CONFLICT);
              assertThat(f.getOriginalMessage())
                  .isEqualTo(
                      "pull request #7 on branch paved/checkout of platform/gitops is open for"
                          + " service team-payments/billing, not for service"
                          + " team-payments/checkout");
            });

    gitops();
    branchAhead("Someone's own work");
    assertThatThrownBy(() -> host.open(change("run-1")))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> assertThat(f.getType()).isEqualTo(FailureTypes.CONFLICT));
    assertThat(github.requests()).noneMatch(r -> r.startsWith("POST") || r.startsWith("PATCH"));
  }

  @Test
  void aMissingGitopsRepositoryIsInvalidInputNamingItsSetting() {
    assertThatThrownBy(() -> host.open(change("run-1")))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.getType()).isEqualTo(FailureTypes.INVALID_INPUT);
              assertThat(f.getOriginalMessage())
                  .isEqualTo(
                      "the GitOps repository platform/gitops (PAVED_GITOPS_REPO) does not exist"
                          + " on "
                          + github.url()
                          + " or Paved's credentials cannot see it");
            });
  }

  @Test
  void aRateLimitedPullRequestIsRetriedWhenGithubSays() {
    gitops();
    github.answer(
        post(REPO + "/pulls"),
        reply(403, "{\"message\":\"You have exceeded a secondary rate limit.\"}")
            .withHeader("Retry-After", "45"));

    assertThatThrownBy(() -> host.open(change("run-1")))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.isNonRetryable()).isFalse();
              assertThat(f.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(45));
            });
  }

  @Test
  void closingClosesThisRunsPullRequestAndDeletesItsBranch() {
    gitops(pullRequestJson(7, new GithubMarker(SERVICE, "run-1").comment()));
    branchAhead(madeFor(SERVICE, "run-1"));
    github.answer(patch(REPO + "/pulls/7"), reply(200, pullRequestJson(7, "")));
    github.answer(delete(REPO + "/git/refs/heads/" + BRANCH), aResponse().withStatus(204));

    host.close(GITOPS, BRANCH, SERVICE, "run-1");

    assertThat(github.requests())
        .containsExactly(
            "GET " + REPO,
            "GET " + OPEN_ON_BRANCH,
            "PATCH " + REPO + "/pulls/7",
            "GET " + REPO + "/git/refs/heads/paved/checkout",
            "GET " + REPO + "/compare/main...paved/checkout",
            "DELETE " + REPO + "/git/refs/heads/paved/checkout");
    assertThat(github.body("PATCH", REPO + "/pulls/7")).isEqualTo(json("{'state':'closed'}"));
  }

  @Test
  void closingLeavesAPullRequestAnotherRunOpenedAlone() {
    gitops(pullRequestJson(7, new GithubMarker(SERVICE, "run-0").comment()));
    branchAhead(madeFor(SERVICE, "run-0"));

    host.close(GITOPS, BRANCH, SERVICE, "run-1");

    assertThat(github.requests()).containsExactly("GET " + REPO, "GET " + OPEN_ON_BRANCH);
  }

  @Test
  void closingRemovesALeftoverBranchOfTheServiceAndNothingElse() {
    gitops();
    branchAhead(madeFor(SERVICE, "run-1"));
    github.answer(delete(REPO + "/git/refs/heads/" + BRANCH), aResponse().withStatus(204));

    host.close(GITOPS, BRANCH, "team-payments/billing", "run-1");
    assertThat(github.requests()).noneMatch(r -> r.startsWith("DELETE"));

    host.close(GITOPS, BRANCH, SERVICE, "run-1");
    assertThat(github.requests()).last().isEqualTo("DELETE " + REPO + "/git/refs/heads/" + BRANCH);
  }
}
