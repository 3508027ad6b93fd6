package dev.paved.activities.pullrequest;

import static dev.paved.testfixtures.StandIn.singleQuoted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paved.activities.github.GithubConnection;
import dev.paved.activities.github.GithubMarker;
import dev.paved.activities.support.RepoUrl;
import dev.paved.testfixtures.github.FakeGithub;
import dev.paved.workflows.steps.FailureTypes;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GithubPullRequestHostTest {

  static final String SERVICE = "team-payments/checkout";
  static final RepoUrl GITOPS = RepoUrl.parse("github.com?owner=platform&repo=gitops");
  static final String BRANCH = "paved/checkout";
  static final String FULL_NAME = "platform/gitops";
  static final String REPO = "/api/v3/repos/platform/gitops";
  static final String OPEN_ON_BRANCH =
      REPO + "/pulls?state=open&head=platform%3Apaved%2Fcheckout&per_page=10";
  static final String CHANGED_FILE = "services/checkout/apps/deployment.yaml";

  @TempDir Path change;

  FakeGithub github;
  GithubPullRequestHost host;

  @BeforeEach
  void setUp() throws Exception {
    github = new FakeGithub();
    host =
        new GithubPullRequestHost(
            GithubConnection.withToken(github.apiUrl(), FakeGithub.TOKEN, Clock.systemUTC()),
            GITOPS,
            "https://paved.example/");
    Files.createDirectories(change.resolve("apps"));
    Files.writeString(change.resolve("apps/deployment.yaml"), "kind: Deployment\n");
  }

  @AfterEach
  void tearDown() {
    assertThat(github.unhandled()).isEmpty();
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

  /** The GitOps repository with one commit on {@code main}; no pull request is open. */
  void gitops() {
    github.repository("platform", "gitops", Map.of("README.md", "# gitops\n"));
  }

  /** The branch, one commit ahead of main with this message, changing {@code files}. */
  void branchAhead(String message, Map<String, String> files) {
    github.branch(FULL_NAME, BRANCH, "main", files, message);
  }

  void branchAhead(String message) {
    branchAhead(message, Map.of(CHANGED_FILE, "kind: Deployment\nreplicas: 2\n"));
  }

  /** A pull request open from the branch, its body ending in this marker; its number. */
  int openPullRequest(String body) {
    return github.pullRequest(FULL_NAME, BRANCH, "main", "Deploy checkout", body);
  }

  /** The step failure that opening run-1's pull request ends in. */
  ApplicationFailure openFailure(String runId) {
    ApplicationFailure failure =
        catchThrowableOfType(ApplicationFailure.class, () -> host.open(change(runId)));
    assertThat(failure).as("a step failure").isNotNull();
    return failure;
  }

  /** The GitOps repository with the service's pull request, opened by this run. */
  void pullRequestOfRun(String run) {
    gitops();
    branchAhead(madeFor(SERVICE, run));
    openPullRequest(new GithubMarker(SERVICE, run).comment());
  }

  static String madeFor(String service, String run) {
    return "Deploy checkout\n\n" + new GithubMarker(service, run).trailers();
  }

  @Test
  void opensAPullRequestFromANewBranchWithOneCommitOfTheChange() {
    gitops();
    String base = github.head(FULL_NAME, "main");

    OpenedPullRequest opened = host.open(change("run-1"));

    assertThat(opened)
        .isEqualTo(
            new OpenedPullRequest(1, github.webUrl() + "/platform/gitops/pull/1", "main", false));
    assertThat(github.targets())
        .containsExactly(
            "GET " + REPO,
            "GET " + REPO + "/git/refs/heads/main",
            "GET " + OPEN_ON_BRANCH,
            "GET " + REPO + "/git/refs/heads/paved/checkout",
            "GET " + REPO + "/commits/" + base,
            "POST " + REPO + "/git/trees",
            "POST " + REPO + "/git/commits",
            "POST " + REPO + "/git/refs",
            "POST " + REPO + "/pulls");
    JsonNode tree = github.lastBody("POST", REPO + "/git/trees");
    assertThat(tree.get("base_tree").asText()).isNotBlank();
    assertThat(tree.get("tree"))
        .isEqualTo(
            singleQuoted(
                "[{'path':'services/checkout/apps/deployment.yaml',"
                    + "'mode':'100644','type':'blob','content':'kind: Deployment\\n'}]"));
    JsonNode commit = github.lastBody("POST", REPO + "/git/commits");
    assertThat(commit.get("message").asText())
        .isEqualTo(
            "Deploy checkout\n\nManifests for checkout.\n\n"
                + "Paved-Service: team-payments/checkout\nPaved-Run: run-1\n");
    assertThat(commit.get("parents")).isEqualTo(singleQuoted("['" + base + "']"));
    String head = github.head(FULL_NAME, BRANCH);
    assertThat(github.lastBody("POST", REPO + "/git/refs"))
        .isEqualTo(singleQuoted("{'ref':'refs/heads/paved/checkout','sha':'" + head + "'}"));
    // the new commit is main's tree plus the change
    assertThat(github.files(FULL_NAME, BRANCH))
        .isEqualTo(Map.of("README.md", "# gitops\n", CHANGED_FILE, "kind: Deployment\n"));
    JsonNode pull = github.lastBody("POST", REPO + "/pulls");
    assertThat(pull.get("title").asText()).isEqualTo("Deploy checkout");
    assertThat(pull.get("head").asText()).isEqualTo(BRANCH);
    assertThat(pull.get("base").asText()).isEqualTo("main");
    assertThat(pull.get("body").asText())
        .isEqualTo(
            "Manifests for checkout.\n\n---\nOpened by Paved for service"
                + " `team-payments/checkout` in run"
                + " [run-1](https://paved.example/api/v1/runs/run-1).\n"
                + "<!-- paved:service=team-payments/checkout run=run-1 -->\n");
    assertThat(github.calls().stream().map(call -> call.header("Authorization")))
        .containsOnly("token " + FakeGithub.TOKEN);
  }

  @Test
  void adoptsTheServicesOpenPullRequestAndBringsItsBranchUpToDate() {
    gitops();
    branchAhead(madeFor(SERVICE, "run-0"));
    openPullRequest("---\n" + new GithubMarker(SERVICE, "run-0").comment());
    String before = github.head(FULL_NAME, BRANCH);

    OpenedPullRequest opened = host.open(change("run-1"));

    assertThat(opened.adopted()).isTrue();
    assertThat(opened.number()).isEqualTo(1);
    assertThat(github.targets())
        .containsExactly(
            "GET " + REPO,
            "GET " + REPO + "/git/refs/heads/main",
            "GET " + OPEN_ON_BRANCH,
            "GET " + REPO + "/git/refs/heads/paved/checkout",
            "GET " + REPO + "/compare/main...paved/checkout",
            "GET " + REPO + "/commits/" + before,
            "POST " + REPO + "/git/trees",
            "POST " + REPO + "/git/commits",
            "PATCH " + REPO + "/git/refs/heads/paved/checkout");
    String after = github.head(FULL_NAME, BRANCH);
    assertThat(after).isNotEqualTo(before);
    assertThat(github.lastBody("PATCH", REPO + "/git/refs/heads/paved/checkout"))
        .isEqualTo(singleQuoted("{'sha':'" + after + "','force':false}"));
    assertThat(github.files(FULL_NAME, BRANCH)).containsEntry(CHANGED_FILE, "kind: Deployment\n");
  }

  @Test
  void anUnchangedBranchGetsNoNewCommit() {
    gitops();
    branchAhead(madeFor(SERVICE, "run-1"), Map.of(CHANGED_FILE, "kind: Deployment\n"));
    openPullRequest(new GithubMarker(SERVICE, "run-1").comment());
    String before = github.head(FULL_NAME, BRANCH);

    assertThat(host.open(change("run-1")).adopted()).isTrue();
    assertThat(github.lines()).last().isEqualTo("POST " + REPO + "/git/trees");
    assertThat(github.head(FULL_NAME, BRANCH)).isEqualTo(before);
  }

  @Test
  void anotherServicesPullRequestIsAConflict() {
    gitops();
    branchAhead(madeFor("team-payments/billing", "run-9"));
    openPullRequest(new GithubMarker("team-payments/billing", "run-9").comment());

    ApplicationFailure failure = openFailure("run-1");
    assertThat(failure.getType()).isEqualTo(FailureTypes.CONFLICT);
    assertThat(failure.getOriginalMessage())
        .isEqualTo(
            "pull request #1 on branch paved/checkout of platform/gitops is open for"
                + " service team-payments/billing, not for service"
                + " team-payments/checkout");
    assertThat(github.lines()).noneMatch(r -> r.startsWith("POST") || r.startsWith("PATCH"));
  }

  @Test
  void someoneElsesBranchIsAConflict() {
    gitops();
    branchAhead("Someone's own work");

    ApplicationFailure failure = openFailure("run-1");
    assertThat(failure.getType()).isEqualTo(FailureTypes.CONFLICT);
    assertThat(github.lines()).noneMatch(r -> r.startsWith("POST") || r.startsWith("PATCH"));
  }

  @Test
  void aMissingGitopsRepositoryIsInvalidInputNamingItsSetting() {
    ApplicationFailure failure = openFailure("run-1");
    assertThat(failure.getType()).isEqualTo(FailureTypes.INVALID_INPUT);
    assertThat(failure.getOriginalMessage())
        .isEqualTo(
            "the GitOps repository platform/gitops (PAVED_GITOPS_REPO) does not exist"
                + " on "
                + github.webUrl()
                + " or Paved's credentials cannot see it");
  }

  @Test
  void aRateLimitedPullRequestIsRetriedWhenGithubSays() {
    gitops();
    github.failWhen(
        "POST",
        REPO + "/pulls",
        403,
        "{\"message\":\"You have exceeded a secondary rate limit.\"}",
        Map.of("Retry-After", "45"));

    ApplicationFailure failure = openFailure("run-1");
    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(45));
  }

  @Test
  void closingClosesThisRunsPullRequestAndDeletesItsBranch() {
    pullRequestOfRun("run-1");

    host.close(GITOPS, BRANCH, SERVICE, "run-1");

    assertThat(github.targets())
        .containsExactly(
            "GET " + REPO,
            "GET " + OPEN_ON_BRANCH,
            "PATCH " + REPO + "/pulls/1",
            "GET " + REPO + "/git/refs/heads/paved/checkout",
            "GET " + REPO + "/compare/main...paved/checkout",
            "DELETE " + REPO + "/git/refs/heads/paved/checkout");
    assertThat(github.lastBody("PATCH", REPO + "/pulls/1"))
        .isEqualTo(singleQuoted("{'state':'closed'}"));
    assertThat(github.pullRequests(FULL_NAME).get(0).path("state").asText()).isEqualTo("closed");
    assertThat(github.head(FULL_NAME, BRANCH)).isNull();
  }

  @Test
  void closingLeavesAPullRequestAnotherRunOpenedAlone() {
    pullRequestOfRun("run-0");

    host.close(GITOPS, BRANCH, SERVICE, "run-1");

    assertThat(github.targets()).containsExactly("GET " + REPO, "GET " + OPEN_ON_BRANCH);
  }

  @Test
  void closingRemovesALeftoverBranchOfTheServiceAndNothingElse() {
    gitops();
    branchAhead(madeFor(SERVICE, "run-1"));

    host.close(GITOPS, BRANCH, "team-payments/billing", "run-1");
    assertThat(github.lines()).noneMatch(r -> r.startsWith("DELETE"));
    assertThat(github.head(FULL_NAME, BRANCH)).isNotNull();

    host.close(GITOPS, BRANCH, SERVICE, "run-1");
    assertThat(github.lines()).last().isEqualTo("DELETE " + REPO + "/git/refs/heads/" + BRANCH);
    assertThat(github.head(FULL_NAME, BRANCH)).isNull();
  }
}
