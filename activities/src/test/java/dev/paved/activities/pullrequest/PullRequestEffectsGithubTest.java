package dev.paved.activities.pullrequest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.activities.github.GithubConnection;
import dev.paved.activities.support.RepoUrl;
import dev.paved.activities.support.ReportedEffects;
import dev.paved.activities.support.ReportedEffects.Reported;
import dev.paved.activities.support.Workspaces;
import dev.paved.testfixtures.Fault;
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

/**
 * What {@code publish:github:pull-request} (the GitOps change carrying the service's manifests and
 * infrastructure stack) reports it made, through the worker's interceptor and the GitHub stand-in:
 * a failure before the branch is pushed made nothing, so the rollback skips the undo; once the
 * branch is pushed, it is made whatever the pull request's call answers.
 */
class PullRequestEffectsGithubTest {

  static final String SERVICE = "team-payments/checkout";
  static final String REPO = "/api/v3/repos/acme/gitops";
  static final String EFFECT =
      "pull request from paved/checkout on " + RepoUrl.parse("github.com?owner=acme&repo=gitops");

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
    Files.writeString(change.resolve("cdk.tf.json"), "{\"resource\": {}}\n");
  }

  @AfterEach
  void tearDown() {
    github.close();
  }

  @Test
  void anOpenedPullRequestIsMade() {
    Reported reported = run();

    assertThat(reported.failure()).isNull();
    assertThat(reported.effects().made()).containsExactly(EFFECT);
    assertThat(reported.effects().intended()).isEmpty();
  }

  @Test
  void aFailureBeforeTheBranchIsPushedMadeNothing() {
    github.faults().next(1, "GET", REPO, Fault.status(502));

    Reported reported = run();

    assertThat(reported.failure()).isNotNull();
    assertThat(reported.effects().mayExist()).isFalse();
  }

  @Test
  void a503ToTheBranchPushMadeNothing() {
    github.faults().next(1, "POST", REPO + "/git/refs", Fault.status(503));

    Reported reported = run();

    assertThat(reported.failure()).isNotNull();
    assertThat(reported.effects().mayExist()).isFalse();
  }

  @Test
  void aResetOnTheBranchPushMayHaveMadeIt() {
    github.faults().next(1, "POST", REPO + "/git/refs", Fault.reset());

    Reported reported = run();

    assertThat(reported.failure()).isNotNull();
    assertThat(reported.effects().intended()).containsExactly(EFFECT);
  }

  @Test
  void aFailureAfterTheBranchIsPushedLeavesItMade() {
    github.faults().next(1, "POST", REPO + "/pulls", Fault.status(503));

    Reported reported = run();

    assertThat(reported.failure()).isNotNull();
    assertThat(reported.effects().made()).containsExactly(EFFECT);
  }

  private Reported run() {
    Map<String, Object> input = new HashMap<>();
    input.put("branchName", "paved/checkout");
    input.put("title", "Deploy checkout");
    input.put("sourcePath", "gitops");
    input.put("targetPath", "infra/checkout");
    ActionRequest request =
        new ActionRequest(
            "run-1", SERVICE, "pr", "publish:github:pull-request", input, null, "ana");
    return ReportedEffects.of(() -> activities.publishGithubPullRequest(request));
  }
}
