package dev.paved.activities.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paved.activities.git.LocalGitRepositories;
import dev.paved.activities.support.Reruns;
import dev.paved.activities.support.Workspaces;
import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.FailureTypes;
import io.temporal.failure.ApplicationFailure;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoryActivitiesImplTest {

  static final String SERVICE = "team-payments/checkout";
  static final String REPO_URL = "github.com?owner=team-payments&repo=checkout";

  @TempDir Path data;

  LocalGitRepositories git;
  Workspaces workspaces;
  RepositoryActivitiesImpl activities;

  @BeforeEach
  void setUp() throws Exception {
    git = new LocalGitRepositories(data.resolve("git"));
    workspaces = new Workspaces(data.resolve("workspaces"));
    activities = new RepositoryActivitiesImpl(new LocalRepositoryHost(git), workspaces);
    Path skeleton = workspaces.resolve("run-1", "skeleton");
    Files.createDirectories(skeleton.resolve("src"));
    Files.writeString(skeleton.resolve("README.md"), "# checkout\n");
    Files.writeString(skeleton.resolve("src/App.java"), "class App {}\n");
    Files.writeString(workspaces.resolve("run-1", "outside.txt"), "not published\n");
  }

  ActionRequest request(String serviceKey, Map<String, Object> extra) {
    Map<String, Object> input =
        new HashMap<>(Map.of("repoUrl", REPO_URL, "sourcePath", "skeleton"));
    input.putAll(extra);
    return new ActionRequest("run-1", serviceKey, "publish", "publish:github", input, null, "ana");
  }

  Path cloneOf(String remoteUrl, String name) throws Exception {
    File dir = data.resolve("clones").resolve(name).toFile();
    Git.cloneRepository().setURI(remoteUrl).setDirectory(dir).call().close();
    return dir.toPath();
  }

  @Test
  void publishesTheSourceFolderAsTheFirstCommitOfTheBranch() throws Exception {
    var output =
        activities
            .publishGithub(
                request(
                    SERVICE,
                    Map.of(
                        "defaultBranch", "trunk",
                        "gitCommitMessage", "scaffold checkout",
                        "gitAuthorName", "Ana",
                        "gitAuthorEmail", "ana@example.com",
                        "description", "Checkout service")))
            .output();

    String remoteUrl = (String) output.get("remoteUrl");
    assertThat(remoteUrl).startsWith("file:").endsWith("/team-payments/checkout.git");
    assertThat(output.get("repoContentsUrl")).isEqualTo(remoteUrl + "/blob/trunk");
    Path clone = cloneOf(remoteUrl, "first");
    assertThat(clone.resolve("README.md")).hasContent("# checkout");
    assertThat(clone.resolve("src/App.java")).exists();
    assertThat(clone.resolve("outside.txt")).doesNotExist();
    assertThat(clone.resolve("skeleton")).doesNotExist();
    try (Git cloned = Git.open(clone.toFile())) {
      assertThat(cloned.getRepository().getBranch()).isEqualTo("trunk");
      RevCommit commit = cloned.log().call().iterator().next();
      assertThat(commit.getName()).isEqualTo(output.get("commitHash"));
      assertThat(commit.getParentCount()).isZero();
      assertThat(commit.getFullMessage()).isEqualTo("scaffold checkout");
      assertThat(commit.getAuthorIdent().getName()).isEqualTo("Ana");
      assertThat(commit.getAuthorIdent().getEmailAddress()).isEqualTo("ana@example.com");
    }
    assertThat(git.serviceMarker("team-payments", "checkout")).contains(SERVICE);
    assertThat(git.path("team-payments", "checkout").resolve("description"))
        .hasContent("Checkout service");
  }

  @Test
  void defaultsToMainAndPavedAsAuthor() throws Exception {
    var output = activities.publishGithub(request(SERVICE, Map.of())).output();

    assertThat(output.get("repoContentsUrl")).asString().endsWith(".git/blob/main");
    try (Git cloned = Git.open(cloneOf((String) output.get("remoteUrl"), "d").toFile())) {
      RevCommit commit = cloned.log().call().iterator().next();
      assertThat(commit.getAuthorIdent().getName()).isEqualTo("Paved");
      assertThat(commit.getAuthorIdent().getEmailAddress()).isEqualTo("paved@localhost");
      assertThat(commit.getFullMessage()).isEqualTo("initial commit");
    }
  }

  @Test
  void secondCallAdoptsTheRepositoryWithoutPushingAgain() throws Exception {
    var first = activities.publishGithub(request(SERVICE, Map.of())).output();
    Files.writeString(workspaces.resolve("run-1", "skeleton/README.md"), "changed\n");

    var second = activities.publishGithub(request(SERVICE, Map.of())).output();

    assertThat(second).isEqualTo(first);
    try (Git cloned = Git.open(cloneOf((String) second.get("remoteUrl"), "again").toFile())) {
      assertThat(cloned.log().call()).hasSize(1);
    }
  }

  @Test
  void adoptedRepositoryGetsAMissingBranchPushed() throws Exception {
    var main = activities.publishGithub(request(SERVICE, Map.of())).output();

    var trunk =
        activities.publishGithub(request(SERVICE, Map.of("defaultBranch", "trunk"))).output();

    // Same tree, author and second: git gives the same commit, which is fine for a first commit.
    assertThat(trunk.get("repoContentsUrl")).asString().endsWith("/blob/trunk");
    assertThat(trunk.get("commitHash")).isNotNull();
    assertThat(main.get("commitHash")).isNotNull();
    try (Git bare = Git.open(git.path("team-payments", "checkout").toFile())) {
      assertThat(bare.branchList().call())
          .extracting(ref -> ref.getName())
          .containsExactlyInAnyOrder("refs/heads/main", "refs/heads/trunk");
    }
  }

  @Test
  void repositoryOfAnotherServiceIsAConflict() {
    activities.publishGithub(request("team-other/checkout", Map.of()));

    assertThatThrownBy(() -> activities.publishGithub(request(SERVICE, Map.of())))
        .isInstanceOfSatisfying(
            ApplicationFailure.class, f -> assertThat(f.getType()).isEqualTo(FailureTypes.CONFLICT))
        .hasMessageContaining("team-payments/checkout")
        .hasMessageContaining("team-other/checkout");
  }

  @Test
  void repositoryWithoutMarkerIsAConflict() throws Exception {
    Git.init()
        .setBare(true)
        .setDirectory(git.path("team-payments", "checkout").toFile())
        .call()
        .close();

    assertThatThrownBy(() -> activities.publishGithub(request(SERVICE, Map.of())))
        .isInstanceOfSatisfying(
            ApplicationFailure.class, f -> assertThat(f.getType()).isEqualTo(FailureTypes.CONFLICT))
        .hasMessageContaining("repository team-payments/checkout");
  }

  @Test
  void undoDeletesOnlyTheRepositoryOfThisService() throws Exception {
    activities.publishGithub(request(SERVICE, Map.of()));

    activities.undoPublishGithub(request("team-other/checkout", Map.of()));
    assertThat(git.exists("team-payments", "checkout")).isTrue();

    activities.undoPublishGithub(request(SERVICE, Map.of()));
    assertThat(git.exists("team-payments", "checkout")).isFalse();
    assertThat(git.path("team-payments", "checkout").getParent()).isEmptyDirectory();

    activities.undoPublishGithub(request(SERVICE, Map.of())); // nothing left: nothing to do
  }

  @Test
  void aRerunAdoptsTheRepositoryButOnlyTheRunThatMadeItDeletesIt() throws Exception {
    activities.publishGithub(request(SERVICE, Map.of()));
    ActionRequest rerun = Reruns.asRun(request(SERVICE, Map.of()), "run-2");
    Reruns.copyWorkspace(workspaces, "run-1", "run-2");

    activities.publishGithub(rerun);
    activities.undoPublishGithub(rerun);
    assertThat(git.exists("team-payments", "checkout")).isTrue();
    assertThat(git.runMarker("team-payments", "checkout")).contains("run-1");

    activities.undoPublishGithub(request(SERVICE, Map.of()));
    assertThat(git.exists("team-payments", "checkout")).isFalse();
  }

  @Test
  void undoLeavesAnUnmarkedOrRetaggedRepositoryAlone() throws Exception {
    Path dir = git.path("team-payments", "checkout");
    Git.init().setBare(true).setDirectory(dir.toFile()).call().close();

    activities.undoPublishGithub(request(SERVICE, Map.of()));
    assertThat(dir).isDirectory();

    try (Git bare = Git.open(dir.toFile())) {
      StoredConfig config = bare.getRepository().getConfig();
      config.setString("paved", null, "service", "team-other/checkout");
      config.save();
    }
    activities.undoPublishGithub(request(SERVICE, Map.of()));
    assertThat(dir).isDirectory();
  }

  @Test
  void badInputIsRefusedBeforeAnythingIsMade() {
    assertFailure(request(SERVICE, Map.of("repoUrl", "checkout")), FailureTypes.INVALID_INPUT);
    assertFailure(request(SERVICE, Map.of("sourcePath", "../..")), FailureTypes.INVALID_INPUT);
    assertFailure(request(SERVICE, Map.of("sourcePath", "missing")), FailureTypes.INVALID_INPUT);
    assertFailure(request(SERVICE, Map.of("defaultBranch", "a..b")), FailureTypes.INVALID_INPUT);
    assertFailure(request(null, Map.of()), FailureTypes.INVALID_INPUT);
    assertFailure(
        request(SERVICE, Map.of("allowedHosts", List.of("gitlab.com"))),
        FailureTypes.INVALID_INPUT);
    assertThat(data.resolve("git")).isEmptyDirectory();
    activities.undoPublishGithub(request(SERVICE, Map.of("repoUrl", "checkout")));
  }

  @Test
  void emptySourceFolderIsInvalidInput() throws Exception {
    Files.createDirectories(workspaces.resolve("run-1", "empty"));

    assertFailure(request(SERVICE, Map.of("sourcePath", "empty")), FailureTypes.INVALID_INPUT);
    assertThat(data.resolve("git")).isEmptyDirectory();
  }

  void assertFailure(ActionRequest request, String type) {
    assertThatThrownBy(() -> activities.publishGithub(request))
        .isInstanceOfSatisfying(
            ApplicationFailure.class, f -> assertThat(f.getType()).isEqualTo(type));
  }

  @Test
  void planComputesTheOutputsAndListsTheFilesWithoutCreatingTheRepository() {
    var planned = activities.plan(request(SERVICE, Map.of("allowedHosts", List.of("github.com"))));

    String remoteUrl = git.remoteUrl("team-payments", "checkout");
    assertThat(planned.output())
        .containsEntry("remoteUrl", remoteUrl)
        .containsEntry("repoContentsUrl", remoteUrl + "/blob/main");
    assertThat(planned.resources())
        .singleElement()
        .satisfies(
            r ->
                assertThat(r)
                    .containsEntry("kind", "repository")
                    .containsEntry("files", List.of("README.md", "src/App.java")));
    assertThat(data.resolve("git")).isEmptyDirectory();
    assertFailure(request(SERVICE, Map.of("sourcePath", "missing")), FailureTypes.INVALID_INPUT);
  }
}
