package dev.paved.activities.pullrequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.paved.activities.git.LocalGitRepositories;
import dev.paved.activities.git.RepositoryMarker;
import dev.paved.activities.support.RepoUrl;
import dev.paved.activities.support.ReportedEffects;
import dev.paved.activities.support.ReportedEffects.Reported;
import dev.paved.activities.support.Reruns;
import dev.paved.activities.support.Workspaces;
import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.FailureTypes;
import io.temporal.failure.ApplicationFailure;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PullRequestActivitiesImplTest {

  static final String SERVICE = "team-payments/checkout";
  static final Instant NOW = Instant.parse("2026-11-28T10:15:30Z");

  @TempDir Path data;

  LocalGitRepositories git;
  LocalPullRequests records;
  Workspaces workspaces;
  PullRequestActivitiesImpl activities;

  @BeforeEach
  void setUp() throws Exception {
    git = new LocalGitRepositories(data.resolve("git"));
    records = new LocalPullRequests(data.resolve("git/pulls"));
    workspaces = new Workspaces(data.resolve("workspaces"));
    RepoUrl gitops = RepoUrl.parse("github.com?owner=platform&repo=gitops");
    var host =
        new LocalPullRequestHost(
            git, records, gitops, "http://localhost:8080/", Clock.fixed(NOW, ZoneOffset.UTC));
    activities = new PullRequestActivitiesImpl(host, workspaces, gitops);
    Path change = workspaces.resolve("run-1", "gitops");
    Files.createDirectories(change.resolve("apps/checkout"));
    Files.writeString(change.resolve("apps/checkout/deployment.yaml"), "kind: Deployment\n");
    Files.writeString(change.resolve("dashboards.json"), "{}\n");
  }

  ActionRequest request(String serviceKey, Map<String, Object> extra) {
    Map<String, Object> input = new HashMap<>();
    input.put("branchName", "paved/checkout");
    input.put("title", "Deploy checkout");
    input.put("description", "Manifests and dashboard for checkout.");
    input.put("sourcePath", "gitops");
    input.put("targetPath", "services/checkout");
    input.putAll(extra);
    return new ActionRequest(
        "run-1", serviceKey, "pr", "publish:github:pull-request", input, null, "ana");
  }

  Path cloneBranch(String branch, String name) throws Exception {
    File dir = data.resolve("clones").resolve(name).toFile();
    Git.cloneRepository()
        .setURI(git.remoteUrl("platform", "gitops"))
        .setBranch(branch)
        .setDirectory(dir)
        .call()
        .close();
    return dir.toPath();
  }

  @Test
  void opensABranchFromMainWithTheFilesUnderTheTargetPathAndARecord() throws Exception {
    var output = activities.publishGithubPullRequest(request(SERVICE, Map.of())).output();

    assertThat(output)
        .containsEntry("pullRequestNumber", 1)
        .containsEntry("targetBranchName", "main")
        .containsEntry("remoteUrl", "http://localhost:8080/api/v1/pull-requests/platform/gitops/1");
    Path main = cloneBranch("main", "main");
    assertThat(Files.readString(main.resolve("README.md"))).contains("local stand-in");
    assertThat(main.resolve("services")).doesNotExist();
    Path branch = cloneBranch("paved/checkout", "branch");
    assertThat(branch.resolve("README.md")).exists();
    assertThat(branch.resolve("services/checkout/apps/checkout/deployment.yaml"))
        .hasContent("kind: Deployment");
    assertThat(branch.resolve("services/checkout/dashboards.json")).exists();
    try (Git cloned = Git.open(branch.toFile())) {
      List<RevCommit> log = toList(cloned);
      assertThat(log).hasSize(2);
      assertThat(log.get(0).getFullMessage())
          .isEqualTo(
              "Deploy checkout\n\nManifests and dashboard for checkout.\n\n"
                  + "Paved-Service: team-payments/checkout\n");
    }
    assertThat(git.serviceMarker("platform", "gitops")).isEmpty();
    assertThat(records.find("platform", "gitops", 1))
        .contains(
            new PullRequestRecord(
                "platform",
                "gitops",
                1,
                "Deploy checkout",
                "Manifests and dashboard for checkout.",
                "paved/checkout",
                "main",
                PullRequestRecord.State.OPEN,
                SERVICE,
                "run-1",
                NOW,
                null,
                "http://localhost:8080/api/v1/pull-requests/platform/gitops/1"));
    assertThat(data.resolve("git/pulls/platform/gitops/1.json")).isRegularFile();
  }

  static List<RevCommit> toList(Git git) throws Exception {
    List<RevCommit> commits = new ArrayList<>();
    git.log().call().forEach(commits::add);
    return commits;
  }

  @Test
  void secondCallAdoptsTheOpenPullRequestAndUpdatesItsBranchOnlyWhenTheContentDiffers()
      throws Exception {
    activities.publishGithubPullRequest(request(SERVICE, Map.of()));
    var again = activities.publishGithubPullRequest(request(SERVICE, Map.of())).output();
    assertThat(again).containsEntry("pullRequestNumber", 1);
    try (Git cloned = Git.open(cloneBranch("paved/checkout", "same").toFile())) {
      assertThat(toList(cloned)).hasSize(2);
    }

    Files.writeString(
        workspaces.resolve("run-1", "gitops/apps/checkout/deployment.yaml"), "replicas: 3\n");
    var updated = activities.publishGithubPullRequest(request(SERVICE, Map.of())).output();

    assertThat(updated).containsEntry("pullRequestNumber", 1);
    Path branch = cloneBranch("paved/checkout", "updated");
    assertThat(branch.resolve("services/checkout/apps/checkout/deployment.yaml"))
        .hasContent("replicas: 3");
    try (Git cloned = Git.open(branch.toFile())) {
      assertThat(toList(cloned)).hasSize(3);
    }
    assertThat(records.list()).hasSize(1);
  }

  @Test
  void targetPathDefaultsToTheRepositoryRoot() throws Exception {
    Map<String, Object> input = new HashMap<>(request(SERVICE, Map.of()).input());
    input.remove("targetPath");
    activities.publishGithubPullRequest(
        new ActionRequest("run-1", SERVICE, "pr", "x", input, null, "ana"));

    Path branch = cloneBranch("paved/checkout", "root");
    assertThat(branch.resolve("apps/checkout/deployment.yaml")).exists();
    assertThat(branch.resolve("README.md")).exists();
  }

  @Test
  void aRepositoryThatOnlyHasTheGitopsNameIsAConflictNotAPlaceForPullRequests() {
    git.createIfAbsent(
        RepositoryMarker.forService("platform", "gitops", "platform/gitops", "r-0"),
        "main",
        "a service");

    assertThatThrownBy(() -> activities.publishGithubPullRequest(request(SERVICE, Map.of())))
        .isInstanceOfSatisfying(
            ApplicationFailure.class, f -> assertThat(f.getType()).isEqualTo("Conflict"))
        .hasMessageContaining("not Paved's GitOps repository");
    assertThat(records.list()).isEmpty();
  }

  @Test
  void aBranchOrOpenPullRequestOfAnotherServiceIsAConflict() throws Exception {
    activities.publishGithubPullRequest(request("team-other/checkout", Map.of()));

    assertConflict(request(SERVICE, Map.of()), "pull request #1");
    records.save(records.find("platform", "gitops", 1).orElseThrow().closed(NOW));
    assertConflict(request(SERVICE, Map.of()), "branch paved/checkout of platform/gitops");
  }

  @Test
  void aConflictBeforeTheBranchIsPushedMadeNothingAndAnOpenedOneIsMade() throws Exception {
    activities.publishGithubPullRequest(request("team-other/checkout", Map.of()));

    Reported refused =
        ReportedEffects.of(() -> activities.publishGithubPullRequest(request(SERVICE, Map.of())));
    Map<String, Object> ownBranch = Map.of("branchName", "paved/checkout-2");
    Reported opened =
        ReportedEffects.of(() -> activities.publishGithubPullRequest(request(SERVICE, ownBranch)));

    assertThat(refused.failure().getType()).isEqualTo(FailureTypes.CONFLICT);
    assertThat(refused.effects().mayExist()).isFalse();
    assertThat(opened.failure()).isNull();
    assertThat(opened.effects().made())
        .containsExactly(
            "pull request from paved/checkout-2 on "
                + RepoUrl.parse("github.com?owner=platform&repo=gitops"));
  }

  @Test
  void aBranchPushedByAPersonIsAConflict() throws Exception {
    activities.publishGithubPullRequest(request(SERVICE, Map.of("branchName", "first")));
    Path clone = cloneBranch("main", "human");
    try (Git human = Git.open(clone.toFile())) {
      human.checkout().setCreateBranch(true).setName("paved/checkout").call();
      Files.writeString(clone.resolve("notes.md"), "mine\n");
      human.add().addFilepattern("notes.md").call();
      human.commit().setMessage("my notes").setAuthor("Bo", "bo@example.com").call();
      human.push().add("paved/checkout").call();
    }

    assertConflict(request(SERVICE, Map.of()), "branch paved/checkout");
    assertThat(records.list()).hasSize(1);
  }

  @Test
  void undoClosesThePullRequestAndDeletesItsBranchOnlyForItsService() throws Exception {
    activities.publishGithubPullRequest(request(SERVICE, Map.of()));

    activities.undoPublishGithubPullRequest(request("team-other/checkout", Map.of()));
    assertThat(records.find("platform", "gitops", 1).orElseThrow().state())
        .isEqualTo(PullRequestRecord.State.OPEN);
    assertThat(branches()).contains("refs/heads/paved/checkout");

    activities.undoPublishGithubPullRequest(request(SERVICE, Map.of()));
    PullRequestRecord closed = records.find("platform", "gitops", 1).orElseThrow();
    assertThat(closed.state()).isEqualTo(PullRequestRecord.State.CLOSED);
    assertThat(closed.closedAt()).isEqualTo(NOW);
    assertThat(branches()).containsExactly("refs/heads/main");

    activities.undoPublishGithubPullRequest(request(SERVICE, Map.of())); // nothing left to undo
  }

  @Test
  void aRerunAdoptsThePullRequestButOnlyTheRunThatOpenedItClosesIt() throws Exception {
    activities.publishGithubPullRequest(request(SERVICE, Map.of()));
    ActionRequest rerun = Reruns.asRun(request(SERVICE, Map.of()), "run-2");
    Reruns.copyWorkspace(workspaces, "run-1", "run-2");

    activities.publishGithubPullRequest(rerun);
    activities.undoPublishGithubPullRequest(rerun);
    assertThat(records.find("platform", "gitops", 1).orElseThrow().state())
        .isEqualTo(PullRequestRecord.State.OPEN);
    assertThat(branches()).contains("refs/heads/paved/checkout");

    activities.undoPublishGithubPullRequest(request(SERVICE, Map.of()));
    assertThat(branches()).containsExactly("refs/heads/main");
  }

  @Test
  void numbersGrowPerRepositoryAndAreNeverReused() throws Exception {
    activities.publishGithubPullRequest(request(SERVICE, Map.of()));
    activities.publishGithubPullRequest(request("team-a/x", Map.of("branchName", "x")));
    activities.undoPublishGithubPullRequest(request(SERVICE, Map.of()));

    var reopened = activities.publishGithubPullRequest(request(SERVICE, Map.of())).output();

    assertThat(reopened).containsEntry("pullRequestNumber", 3);
    assertThat(records.list("platform", "gitops"))
        .extracting(PullRequestRecord::number, PullRequestRecord::state)
        .containsExactly(
            tuple(1, PullRequestRecord.State.CLOSED),
            tuple(2, PullRequestRecord.State.OPEN),
            tuple(3, PullRequestRecord.State.OPEN));
  }

  @Test
  void aMissingRepositoryOtherThanGitopsIsInvalidInputAndBadInputIsRefused() {
    assertFailure(
        request(SERVICE, Map.of("repoUrl", "github.com?owner=acme&repo=nope")),
        FailureTypes.INVALID_INPUT);
    assertFailure(request(SERVICE, Map.of("branchName", "")), FailureTypes.INVALID_INPUT);
    assertFailure(request(SERVICE, Map.of("branchName", "a..b")), FailureTypes.INVALID_INPUT);
    assertFailure(request(SERVICE, Map.of("branchName", "main")), FailureTypes.INVALID_INPUT);
    assertFailure(request(SERVICE, Map.of("title", "")), FailureTypes.INVALID_INPUT);
    assertFailure(request(SERVICE, Map.of("targetPath", "../x")), FailureTypes.INVALID_INPUT);
    assertFailure(request(SERVICE, Map.of("sourcePath", "../../")), FailureTypes.INVALID_INPUT);
    assertThat(git.exists("acme", "nope")).isFalse();
    assertThat(records.list()).isEmpty();
  }

  List<String> branches() throws Exception {
    try (Git bare = Git.open(git.path("platform", "gitops").toFile())) {
      return bare.branchList().call().stream().map(ref -> ref.getName()).toList();
    }
  }

  void assertConflict(ActionRequest request, String message) {
    assertThatThrownBy(() -> activities.publishGithubPullRequest(request))
        .isInstanceOfSatisfying(
            ApplicationFailure.class, f -> assertThat(f.getType()).isEqualTo(FailureTypes.CONFLICT))
        .hasMessageContaining(message);
  }

  void assertFailure(ActionRequest request, String type) {
    assertThatThrownBy(() -> activities.publishGithubPullRequest(request))
        .isInstanceOfSatisfying(
            ApplicationFailure.class, f -> assertThat(f.getType()).isEqualTo(type));
  }

  @Test
  void planListsTheFilesUnderTheTargetPathAndPushesNothing() {
    var planned = activities.plan(request(SERVICE, Map.of()));

    assertThat(planned.output()).containsEntry("pullRequestNumber", 0);
    assertThat(planned.resources())
        .singleElement()
        .satisfies(
            r ->
                assertThat(r)
                    .containsEntry("kind", "pull-request")
                    .containsEntry("branchName", "paved/checkout")
                    .containsEntry(
                        "files",
                        java.util.List.of(
                            "services/checkout/apps/checkout/deployment.yaml",
                            "services/checkout/dashboards.json")));
    assertThat(data.resolve("git/platform/gitops.git")).doesNotExist();
    assertThatThrownBy(() -> activities.plan(request(SERVICE, Map.of("branchName", "a..b"))))
        .hasMessageContaining("branchName");
  }
}
