package dev.paved.activities.repository;

import static dev.paved.testfixtures.StandIn.singleQuoted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paved.activities.github.GithubConnection;
import dev.paved.activities.github.GithubMarker;
import dev.paved.activities.support.Effects;
import dev.paved.activities.support.RepoUrl;
import dev.paved.activities.support.ReportedEffects;
import dev.paved.testfixtures.github.FakeGithub;
import dev.paved.workflows.steps.ActionResult;
import dev.paved.workflows.steps.FailureTypes;
import dev.paved.workflows.steps.StepEffects;
import io.temporal.failure.ApplicationFailure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GithubRepositoryHostTest {

  static final String SERVICE = "acme/checkout";
  static final RepoUrl REPO = RepoUrl.parse("github.com?owner=acme&repo=checkout");
  static final String API = "/api/v3";
  static final String MARKER = ".paved/service.json";
  static final Instant NOW = Instant.parse("2026-11-28T10:15:30Z");

  @TempDir Path source;

  FakeGithub github;
  GithubRepositoryHost host;

  @BeforeEach
  void setUp() throws Exception {
    github = new FakeGithub();
    host =
        new GithubRepositoryHost(
            GithubConnection.withToken(
                github.apiUrl(), FakeGithub.TOKEN, Clock.fixed(NOW, ZoneOffset.UTC)),
            List.of(RepoUrl.parse("github.com?owner=platform&repo=gitops")));
    Files.createDirectories(source.resolve("src"));
    Files.writeString(source.resolve("README.md"), "# checkout\n");
    Files.writeString(source.resolve("src/App.java"), "class App {}\n");
    Files.write(source.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1});
  }

  @AfterEach
  void tearDown() {
    assertThat(github.unhandled()).isEmpty();
    github.close();
  }

  Publication publication(String runId, RepositorySettings settings) {
    return new Publication(
        REPO,
        SERVICE,
        runId,
        "Checkout service",
        "main",
        source,
        "initial commit",
        new CommitAuthor("Ana", "ana@example.com"),
        settings);
  }

  static RepositorySettings settings(String team) {
    return new RepositorySettings(
        "internal",
        List.of("java", "payments"),
        team,
        new RepositorySettings.BranchProtection(true, true, 2, true, false, List.of(), true));
  }

  static String decode(String base64) {
    return new String(Base64.getMimeDecoder().decode(base64), StandardCharsets.UTF_8);
  }

  void newRepository() {
    github.organisation("acme");
    github.team("acme", "team-payments");
  }

  @Test
  void createsMarksPushesAndSetsUpANewRepository() {
    newRepository();

    PublishedRepository published = host.publish(publication("run-1", settings("team-payments")));

    assertThat(published)
        .isEqualTo(
            new PublishedRepository(
                github.webUrl() + "/acme/checkout.git",
                github.webUrl() + "/acme/checkout/blob/main",
                github.head("acme/checkout", "main"),
                false));
    assertThat(github.lines().stream().map(l -> l.replaceAll("/\\d+/", "/{id}/")))
        .containsExactly(
            "GET /api/v3/orgs/acme",
            "GET /api/v3/orgs/acme/teams/team-payments",
            "POST /api/v3/orgs/acme/repos",
            "PUT /api/v3/repos/acme/checkout/contents/.paved/service.json",
            "GET /api/v3/repos/acme/checkout/git/refs/heads/main",
            "POST /api/v3/repos/acme/checkout/git/blobs",
            "POST /api/v3/repos/acme/checkout/git/trees",
            "POST /api/v3/repos/acme/checkout/git/commits",
            "PATCH /api/v3/repos/acme/checkout/git/refs/heads/main",
            "PUT /api/v3/repos/acme/checkout/topics",
            "PUT /api/v3/organizations/{id}/team/{id}/repos/acme/checkout",
            "GET /api/v3/repos/acme/checkout/branches/main",
            "PUT /api/v3/repos/acme/checkout/branches/main/protection");
    assertThat(github.calls().stream().map(call -> call.header("Authorization")))
        .containsOnly("token " + FakeGithub.TOKEN);
    assertThat(github.lastBody("POST", API + "/orgs/acme/repos"))
        .isEqualTo(
            singleQuoted(
                "{'name':'checkout','description':'Checkout service','visibility':'internal',"
                    + "'auto_init':false}"));
    JsonNode marker = github.lastBody("PUT", API + "/repos/acme/checkout/contents/" + MARKER);
    assertThat(marker.get("branch").asText()).isEqualTo("main");
    assertThat(marker.get("message").asText())
        .isEqualTo(
            "Mark the repository as made by Paved\n\nPaved-Service: acme/checkout\n"
                + "Paved-Run: run-1\n");
    assertThat(GithubMarker.fromFile(decode(marker.get("content").asText())))
        .contains(new GithubMarker(SERVICE, "run-1"));
    assertThat(github.lastBody("POST", API + "/repos/acme/checkout/git/blobs"))
        .isEqualTo(singleQuoted("{'content':'iVBORwAB','encoding':'base64'}"));
    JsonNode tree = github.lastBody("POST", API + "/repos/acme/checkout/git/trees");
    assertThat(tree.get("base_tree").asText()).isNotBlank();
    assertThat(tree.get("tree").findValuesAsText("path"))
        .containsExactly("README.md", "logo.png", "src/App.java");
    assertThat(tree.get("tree").get(0))
        .isEqualTo(
            singleQuoted(
                "{'path':'README.md','mode':'100644','type':'blob','content':'# checkout\\n'}"));
    ObjectNode commit =
        (ObjectNode) github.lastBody("POST", API + "/repos/acme/checkout/git/commits");
    assertThat(commit.remove("tree").asText()).isNotBlank();
    assertThat(commit)
        .isEqualTo(
            singleQuoted(
                "{'message':'initial commit','parents':[],"
                    + "'author':{'name':'Ana','email':'ana@example.com',"
                    + "'date':'2026-11-28T10:15:30Z'},"
                    + "'committer':{'name':'Ana','email':'ana@example.com',"
                    + "'date':'2026-11-28T10:15:30Z'}}"));
    assertThat(github.lastBody("PATCH", API + "/repos/acme/checkout/git/refs/heads/main"))
        .isEqualTo(
            singleQuoted("{'sha':'" + github.head("acme/checkout", "main") + "','force':true}"));
    // the one commit holds the scaffold on the marker's tree
    assertThat(github.commitMessages("acme/checkout", "main")).containsExactly("initial commit");
    assertThat(github.files("acme/checkout", "main"))
        .containsKeys(MARKER, "README.md", "logo.png", "src/App.java")
        .containsEntry("src/App.java", "class App {}\n");
    assertThat(github.lastBody("PUT", API + "/repos/acme/checkout/topics"))
        .isEqualTo(singleQuoted("{'names':['java','payments']}"));
    assertThat(github.teamPermission("acme/checkout", "team-payments")).isEqualTo("admin");
    assertThat(github.protection("acme/checkout", "main").orElseThrow())
        .isEqualTo(
            singleQuoted(
                "{'required_status_checks':null,'enforce_admins':true,'restrictions':null,"
                    + "'required_pull_request_reviews':{'required_approving_review_count':2,"
                    + "'require_code_owner_reviews':true,'dismiss_stale_reviews':false}}"));
  }

  /** The step failure that publishing run-1 with these settings ends in. */
  ApplicationFailure publishFailure(RepositorySettings settings) {
    ApplicationFailure failure =
        catchThrowableOfType(
            ApplicationFailure.class, () -> host.publish(publication("run-1", settings)));
    assertThat(failure).as("a step failure").isNotNull();
    return failure;
  }

  /** What Paved asks before it adopts a repository that is there, then {@code rest}. */
  static List<String> afterAdoptionChecks(String... rest) {
    List<String> targets =
        new java.util.ArrayList<>(
            List.of(
                "GET /api/v3/orgs/acme",
                "POST /api/v3/orgs/acme/repos",
                "GET /api/v3/repos/acme/checkout",
                "GET /api/v3/repos/acme/checkout/contents/.paved/service.json?ref=main",
                "GET /api/v3/repos/acme/checkout/git/refs/heads/main"));
    targets.addAll(List.of(rest));
    return targets;
  }

  static final String NAME_TAKEN =
      """
      {"message":"Repository creation failed.","errors":[{"resource":"Repository","code":"custom",\
      "field":"name","message":"name already exists on this account"}],\
      "documentation_url":"https://docs.github.com/rest/repos/repos#create-an-organization-repository"}""";

  /** The repository is there: POST answers 422 and the marker file says whose it is. */
  void existingRepository(String markerService, String markerRun) {
    existingRepository(markerService, markerRun, "first commit");
  }

  void existingRepository(String markerService, String markerRun, String message) {
    github.repository(
        "acme",
        "checkout",
        Map.of(MARKER, new GithubMarker(markerService, markerRun).fileText()),
        message);
  }

  @Test
  void retryOfTheSameRunAdoptsItsRepositoryAndFinishesWhatItBegan() {
    existingRepository(
        SERVICE, "run-1", "Mark the repository as made by Paved\n\nPaved-Service: acme/checkout\n");
    String markerCommit = github.head("acme/checkout", "main");

    PublishedRepository published = host.publish(publication("run-1", settings(null)));

    assertThat(published.commitHash()).isEqualTo(github.head("acme/checkout", "main"));
    assertThat(published.adopted()).isTrue();
    assertThat(github.targets())
        .containsExactlyElementsOf(
            afterAdoptionChecks(
                "GET /api/v3/repos/acme/checkout/commits/" + markerCommit,
                "POST /api/v3/repos/acme/checkout/git/blobs",
                "POST /api/v3/repos/acme/checkout/git/trees",
                "POST /api/v3/repos/acme/checkout/git/commits",
                "PATCH /api/v3/repos/acme/checkout/git/refs/heads/main",
                "PUT /api/v3/repos/acme/checkout/topics",
                "GET /api/v3/repos/acme/checkout/branches/main",
                "PUT /api/v3/repos/acme/checkout/branches/main/protection"));
    assertThat(github.commitMessages("acme/checkout", "main")).containsExactly("initial commit");
  }

  @Test
  void reRunOfTheServiceAdoptsTheRepositoryAndChangesNothing() {
    existingRepository(SERVICE, "run-0");
    github.branch(
        "acme/checkout", "main", "main", Map.of("src/Pay.java", "class Pay {}\n"), "Add payments");
    String head = github.head("acme/checkout", "main");

    PublishedRepository published = host.publish(publication("run-1", settings(null)));

    assertThat(published)
        .isEqualTo(
            new PublishedRepository(
                github.webUrl() + "/acme/checkout.git",
                github.webUrl() + "/acme/checkout/blob/main",
                head,
                true));
    assertThat(github.targets())
        .containsExactlyElementsOf(
            afterAdoptionChecks("GET /api/v3/repos/acme/checkout/commits/" + head));
  }

  @Test
  void anotherServicesRepositoryIsAConflict() {
    existingRepository("acme/billing", "run-9");

    ApplicationFailure failure = publishFailure(settings(null));
    assertThat(failure.getType()).isEqualTo(FailureTypes.CONFLICT);
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage())
        .isEqualTo(
            "repository acme/checkout already exists and was not made by Paved for"
                + " service acme/checkout (it belongs to acme/billing)");
    assertThat(github.lines()).noneMatch(r -> r.startsWith("PUT") || r.startsWith("PATCH"));
  }

  @Test
  void aNameTakenByARepositoryPavedCannotSeeIsAConflict() {
    github.organisation("acme");
    github.failWhen("POST", API + "/orgs/acme/repos", 422, NAME_TAKEN);

    ApplicationFailure failure = publishFailure(settings(null));
    assertThat(failure.getType()).isEqualTo(FailureTypes.CONFLICT);
    assertThat(failure.getOriginalMessage()).startsWith("the name acme/checkout is taken");
  }

  @Test
  void anUnmarkedRepositoryIsAConflictThatSaysWhatToDoWhenItIsEmpty() {
    github.emptyRepository("acme", "checkout");

    ApplicationFailure failure = publishFailure(settings(null));
    assertThat(failure.getType()).isEqualTo(FailureTypes.CONFLICT);
    assertThat(failure.getOriginalMessage())
        .endsWith(
            "(it has no branch main: if an earlier attempt made it and was cut off"
                + " before marking it, delete it and retry)");
  }

  @Test
  void anEmptyRepositoryAnEarlierAttemptWasAboutToMakeIsMarkedAndUsedAsMade() {
    // the earlier attempt's worker died while GitHub made the repository: it said it was making it
    github.organisation("acme");
    github.emptyRepository("acme", "checkout");
    String repository = RepositoryEffects.of("acme/checkout");
    StepEffects cutOff = new StepEffects(List.of(), List.of(repository), false, 1, false);
    PublishedRepository[] published = new PublishedRepository[1];

    ReportedEffects.Reported reported =
        ReportedEffects.after(
            cutOff,
            () -> {
              Effects.track();
              published[0] = host.publish(publication("run-1", settings(null)));
              return ActionResult.of(Map.of());
            });

    assertThat(reported.failure()).isNull();
    assertThat(published[0].adopted()).isFalse();
    assertThat(reported.effects().made()).containsExactly(repository);
    assertThat(github.files("acme/checkout", "main")).containsKey(MARKER);
  }

  @Test
  void anEmptyRepositoryNoEarlierAttemptWasMakingStaysAConflict() {
    github.organisation("acme");
    github.emptyRepository("acme", "checkout");
    StepEffects cutOff =
        new StepEffects(List.of(), List.of(RepositoryEffects.of("acme/other")), false, 1, false);

    ReportedEffects.Reported reported =
        ReportedEffects.after(
            cutOff,
            () -> {
              Effects.track();
              host.publish(publication("run-1", settings(null)));
              return ActionResult.of(Map.of());
            });

    assertThat(reported.failure().getType()).isEqualTo(FailureTypes.CONFLICT);
    assertThat(github.files("acme/checkout", "main")).isEmpty();
  }

  @Test
  void aRepositoryThatCannotBeMarkedIsDeletedAgainAndTheStepRetried() {
    github.organisation("acme");
    github.failWhen(
        "PUT",
        API + "/repos/acme/checkout/contents/" + MARKER,
        502,
        "{\"message\":\"Server Error\"}");

    ApplicationFailure failure = publishFailure(settings(null));
    assertThat(failure.getType()).isEqualTo(FailureTypes.UNAVAILABLE);
    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(github.lines())
        .containsExactly(
            "GET /api/v3/orgs/acme",
            "POST /api/v3/orgs/acme/repos",
            "PUT /api/v3/repos/acme/checkout/contents/.paved/service.json",
            "DELETE /api/v3/repos/acme/checkout");
    assertThat(github.deleted()).containsExactly("acme/checkout");
  }

  @Test
  void aMissingOrganisationOrTeamIsInvalidInputAndMakesNothing() {
    ApplicationFailure failure = publishFailure(settings(null));
    assertThat(failure.getType()).isEqualTo(FailureTypes.INVALID_INPUT);
    assertThat(failure.getOriginalMessage()).startsWith("no GitHub organisation acme");

    github.organisation("acme");
    ApplicationFailure noTeam = publishFailure(settings("team-nobody"));
    assertThat(noTeam.getType()).isEqualTo(FailureTypes.INVALID_INPUT);
    assertThat(noTeam.getOriginalMessage())
        .isEqualTo("no team team-nobody in the GitHub organisation acme (input access)");
    assertThat(github.lines()).noneMatch(r -> r.startsWith("POST"));
  }

  @Test
  void theGitopsRepositoryIsRefusedBeforeAnyRequest() {
    Publication gitops =
        new Publication(
            RepoUrl.parse("github.com?owner=platform&repo=gitops"),
            SERVICE,
            "run-1",
            null,
            "main",
            source,
            "initial commit",
            CommitAuthor.PAVED);

    assertThatThrownBy(() -> host.publish(gitops))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> assertThat(f.getType()).isEqualTo(FailureTypes.INVALID_INPUT));
    assertThat(github.lines()).isEmpty();
  }

  @Test
  void deletesOnlyWhatThisRunOfTheServiceMade() {
    existingRepository(SERVICE, "run-1");

    assertThat(host.deleteIfMadeBy(REPO, SERVICE, "run-2")).isFalse();
    assertThat(host.deleteIfMadeBy(REPO, "acme/billing", "run-1")).isFalse();
    assertThat(github.lines()).noneMatch(r -> r.startsWith("DELETE"));

    assertThat(host.deleteIfMadeBy(REPO, SERVICE, "run-1")).isTrue();
    assertThat(github.lines())
        .endsWith(
            "GET /api/v3/repos/acme/checkout",
            "GET /api/v3/repos/acme/checkout/contents/.paved/service.json",
            "DELETE /api/v3/repos/acme/checkout");
    assertThat(github.deleted()).containsExactly("acme/checkout");
  }

  @Test
  void deletesNothingWhenTheRepositoryOrItsMarkerIsMissing() {
    assertThat(host.deleteIfMadeBy(REPO, SERVICE, "run-1")).isFalse();
    github.repository("acme", "checkout", Map.of("README.md", "# checkout\n"));
    assertThat(host.deleteIfMadeBy(REPO, SERVICE, "run-1")).isFalse();
    assertThat(github.lines()).noneMatch(r -> r.startsWith("DELETE"));
    assertThat(github.hasRepository("acme/checkout")).isTrue();
  }

  @Test
  void readsAFileThroughTheContentsApi() {
    github.repository("acme", "checkout", Map.of("README.md", "# checkout\n"));
    github.branch(
        "acme/checkout", "trunk", "main", Map.of("catalog-info.yaml", "kind: Component\n"), "add");

    String contents = github.webUrl() + "/acme/checkout/blob/trunk";
    assertThat(host.readFile(contents, "/catalog-info.yaml")).contains("kind: Component\n");
    assertThat(host.readFile(contents, "missing.yaml")).isEmpty();
    assertThat(github.targets())
        .contains("GET /api/v3/repos/acme/checkout/contents/catalog-info.yaml?ref=trunk");
    assertThatThrownBy(
            () -> host.readFile("https://elsewhere.example/acme/checkout/blob/main", "x.yaml"))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> assertThat(f.getType()).isEqualTo(FailureTypes.INVALID_INPUT));
  }
}
