package dev.paved.activities.repository;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GithubRepositoryHostTest {

  static final String SERVICE = "acme/checkout";
  static final RepoUrl REPO = RepoUrl.parse("github.com?owner=acme&repo=checkout");

  @TempDir Path source;

  GithubStandIn github;
  GithubRepositoryHost host;

  @BeforeEach
  void setUp() throws Exception {
    github = new GithubStandIn();
    host =
        new GithubRepositoryHost(
            github.connection(), List.of(RepoUrl.parse("github.com?owner=platform&repo=gitops")));
    Files.createDirectories(source.resolve("src"));
    Files.writeString(source.resolve("README.md"), "# checkout\n");
    Files.writeString(source.resolve("src/App.java"), "class App {}\n");
    Files.write(source.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1});
  }

  @AfterEach
  void tearDown() {
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
    github.organisation("acme", 100);
    github.answer(
        get("/orgs/acme/teams/team-payments"),
        reply(200, "{\"id\":7,\"slug\":\"team-payments\",\"name\":\"Payments\"}"));
    github.answer(
        post("/orgs/acme/repos"), reply(201, github.repositoryJson("acme", "checkout", "main")));
    github.answer(
        put("/repos/acme/checkout/contents/.paved/service.json"),
        reply(
            201,
            """
            {"content":{"name":"service.json","path":".paved/service.json","sha":"5e7"},
             "commit":{"sha":"marker-commit","tree":{"sha":"marker-tree"},"parents":[]}}"""));
    github.branch("acme", "checkout", "main", "marker-commit");
    github.gitDataWrites("acme", "checkout", "scaffold-tree", "scaffold-commit");
    github.topicsAndProtection("acme", "checkout", "main");
    github.answer(
        put("/organizations/100/team/7/repos/acme/checkout"),
        com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(204));
  }

  @Test
  void createsMarksPushesAndSetsUpANewRepository() {
    newRepository();

    PublishedRepository published = host.publish(publication("run-1", settings("team-payments")));

    assertThat(published)
        .isEqualTo(
            new PublishedRepository(
                github.url() + "/acme/checkout.git",
                github.url() + "/acme/checkout/blob/main",
                "scaffold-commit",
                false));
    assertThat(github.requests())
        .containsExactly(
            "GET /orgs/acme",
            "GET /orgs/acme/teams/team-payments",
            "POST /orgs/acme/repos",
            "PUT /repos/acme/checkout/contents/.paved/service.json",
            "GET /repos/acme/checkout/git/refs/heads/main",
            "POST /repos/acme/checkout/git/blobs",
            "POST /repos/acme/checkout/git/trees",
            "POST /repos/acme/checkout/git/commits",
            "PATCH /repos/acme/checkout/git/refs/heads/main",
            "PUT /repos/acme/checkout/topics",
            "PUT /organizations/100/team/7/repos/acme/checkout",
            "GET /repos/acme/checkout/branches/main",
            "PUT /repos/acme/checkout/branches/main/protection");
    assertThat(github.authorizations()).allMatch(("token " + GithubStandIn.TOKEN)::equals);
    assertThat(github.body("POST", "/orgs/acme/repos"))
        .isEqualTo(
            json(
                "{'name':'checkout','description':'Checkout service','visibility':'internal',"
                    + "'auto_init':false}"));
    JsonNode marker = github.body("PUT", "/repos/acme/checkout/contents/.paved/service.json");
    assertThat(marker.get("branch").asText()).isEqualTo("main");
    assertThat(marker.get("message").asText())
        .isEqualTo(
            "Mark the repository as made by Paved\n\nPaved-Service: acme/checkout\n"
                + "Paved-Run: run-1\n");
    assertThat(GithubMarker.fromFile(decode(marker.get("content").asText())))
        .contains(new GithubMarker(SERVICE, "run-1"));
    assertThat(github.body("POST", "/repos/acme/checkout/git/blobs"))
        .isEqualTo(json("{'content':'iVBORwAB','encoding':'base64'}"));
    assertThat(github.body("POST", "/repos/acme/checkout/git/trees"))
        .isEqualTo(
            json(
                "{'base_tree':'marker-tree','tree':["
                    + "{'path':'README.md','mode':'100644','type':'blob','content':'# checkout\\n'},"
                    + "{'path':'logo.png','mode':'100644','type':'blob','sha':'b10b'},"
                    + "{'path':'src/App.java','mode':'100644','type':'blob',"
                    + "'content':'class App {}\\n'}]}"));
    assertThat(github.body("POST", "/repos/acme/checkout/git/commits"))
        .isEqualTo(
            json(
                "{'message':'initial commit','tree':'scaffold-tree','parents':[],"
                    + "'author':{'name':'Ana','email':'ana@example.com',"
                    + "'date':'2026-11-28T10:15:30Z'},"
                    + "'committer':{'name':'Ana','email':'ana@example.com',"
                    + "'date':'2026-11-28T10:15:30Z'}}"));
    assertThat(github.body("PATCH", "/repos/acme/checkout/git/refs/heads/main"))
        .isEqualTo(json("{'sha':'scaffold-commit','force':true}"));
    assertThat(github.body("PUT", "/repos/acme/checkout/topics"))
        .isEqualTo(json("{'names':['java','payments']}"));
    assertThat(github.body("PUT", "/organizations/100/team/7/repos/acme/checkout"))
        .isEqualTo(json("{'permission':'admin'}"));
    assertThat(github.body("PUT", "/repos/acme/checkout/branches/main/protection"))
        .isEqualTo(
            json(
                "{'required_status_checks':null,'enforce_admins':true,'restrictions':null,"
                    + "'required_pull_request_reviews':{'required_approving_review_count':2,"
                    + "'require_code_owner_reviews':true,'dismiss_stale_reviews':false}}"));
  }

  static final String NAME_TAKEN =
      """
      {"message":"Repository creation failed.","errors":[{"resource":"Repository","code":"custom",\
      "field":"name","message":"name already exists on this account"}],\
      "documentation_url":"https://docs.github.com/rest/repos/repos#create-an-organization-repository"}""";

  /** The repository is there: POST answers 422 and the marker file says whose it is. */
  void existingRepository(String markerService, String markerRun) {
    github.organisation("acme", 100);
    github.answer(post("/orgs/acme/repos"), reply(422, NAME_TAKEN));
    github.repository("acme", "checkout", "main");
    if (markerService != null) {
      github.file(
          "acme",
          "checkout",
          ".paved/service.json",
          "main",
          new GithubMarker(markerService, markerRun).fileText());
    }
  }

  @Test
  void retryOfTheSameRunAdoptsItsRepositoryAndFinishesWhatItBegan() {
    existingRepository(SERVICE, "run-1");
    github.branch("acme", "checkout", "main", "marker-commit");
    github.commit(
        "acme",
        "checkout",
        "marker-commit",
        "marker-tree",
        "Mark the repository as made by Paved\n\nPaved-Service: acme/checkout\n");
    github.gitDataWrites("acme", "checkout", "scaffold-tree", "scaffold-commit");
    github.topicsAndProtection("acme", "checkout", "main");

    PublishedRepository published = host.publish(publication("run-1", settings(null)));

    assertThat(published.commitHash()).isEqualTo("scaffold-commit");
    assertThat(published.adopted()).isTrue();
    assertThat(github.requests())
        .containsExactly(
            "GET /orgs/acme",
            "POST /orgs/acme/repos",
            "GET /repos/acme/checkout",
            "GET /repos/acme/checkout/contents/.paved/service.json?ref=main",
            "GET /repos/acme/checkout/git/refs/heads/main",
            "GET /repos/acme/checkout/commits/marker-commit",
            "POST /repos/acme/checkout/git/blobs",
            "POST /repos/acme/checkout/git/trees",
            "POST /repos/acme/checkout/git/commits",
            "PATCH /repos/acme/checkout/git/refs/heads/main",
            "PUT /repos/acme/checkout/topics",
            "GET /repos/acme/checkout/branches/main",
            "PUT /repos/acme/checkout/branches/main/protection");
  }

  @Test
  void reRunOfTheServiceAdoptsTheRepositoryAndChangesNothing() {
    existingRepository(SERVICE, "run-0");
    github.branch("acme", "checkout", "main", "c0ffee");
    github.commit("acme", "checkout", "c0ffee", "t1", "Add payments", "initial");

    PublishedRepository published = host.publish(publication("run-1", settings(null)));

    assertThat(published)
        .isEqualTo(
            new PublishedRepository(
                github.url() + "/acme/checkout.git",
                github.url() + "/acme/checkout/blob/main",
                "c0ffee",
                true));
    assertThat(github.requests())
        .containsExactly(
            "GET /orgs/acme",
            "POST /orgs/acme/repos",
            "GET /repos/acme/checkout",
            "GET /repos/acme/checkout/contents/.paved/service.json?ref=main",
            "GET /repos/acme/checkout/git/refs/heads/main",
            "GET /repos/acme/checkout/commits/c0ffee");
  }

  @Test
  void anotherServicesRepositoryIsAConflict() {
    existingRepository("acme/billing", "run-9");

    assertThatThrownBy(() -> host.publish(publication("run-1", settings(null))))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.getType()).isEqualTo(FailureTypes.CONFLICT);
              assertThat(f.isNonRetryable()).isTrue();
              assertThat(f.getOriginalMessage())
                  .isEqualTo(
                      "repository acme/checkout already exists and was not made by Paved for"
                          + " service acme/checkout (it belongs to acme/billing)");
            });
    assertThat(github.requests()).noneMatch(r -> r.startsWith("PUT") || r.startsWith("PATCH"));
  }

  @Test
  void aNameTakenByARepositoryPavedCannotSeeIsAConflict() {
    github.organisation("acme", 100);
    github.answer(post("/orgs/acme/repos"), reply(422, NAME_TAKEN));

    assertThatThrownBy(() -> host.publish(publication("run-1", settings(null))))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.getType()).isEqualTo(FailureTypes.CONFLICT);
              assertThat(f.getOriginalMessage()).startsWith("the name acme/checkout is taken");
            });
  }

  @Test
  void anUnmarkedRepositoryIsAConflictThatSaysWhatToDoWhenItIsEmpty() {
    existingRepository(null, null);

    assertThatThrownBy(() -> host.publish(publication("run-1", settings(null))))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.getType()).isEqualTo(FailureTypes.CONFLICT);
              assertThat(f.getOriginalMessage())
                  .endsWith(
                      "(it has no branch main: if an earlier attempt made it and was cut off"
                          + " before marking it, delete it and retry)");
            });
  }

  @Test
  void aRepositoryThatCannotBeMarkedIsDeletedAgainAndTheStepRetried() {
    github.organisation("acme", 100);
    github.answer(
        post("/orgs/acme/repos"), reply(201, github.repositoryJson("acme", "checkout", "main")));
    github.answer(
        put("/repos/acme/checkout/contents/.paved/service.json"),
        reply(502, "{\"message\":\"Server Error\"}"));
    github.deletable("acme", "checkout");

    assertThatThrownBy(() -> host.publish(publication("run-1", settings(null))))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.getType()).isEqualTo(FailureTypes.UNAVAILABLE);
              assertThat(f.isNonRetryable()).isFalse();
            });
    assertThat(github.requests())
        .containsExactly(
            "GET /orgs/acme",
            "POST /orgs/acme/repos",
            "PUT /repos/acme/checkout/contents/.paved/service.json",
            "DELETE /repos/acme/checkout");
  }

  @Test
  void aMissingOrganisationOrTeamIsInvalidInputAndMakesNothing() {
    assertThatThrownBy(() -> host.publish(publication("run-1", settings(null))))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.getType()).isEqualTo(FailureTypes.INVALID_INPUT);
              assertThat(f.getOriginalMessage()).startsWith("no GitHub organisation acme");
            });

    github.organisation("acme", 100);
    assertThatThrownBy(() -> host.publish(publication("run-1", settings("team-nobody"))))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.getType()).isEqualTo(FailureTypes.INVALID_INPUT);
              assertThat(f.getOriginalMessage())
                  .isEqualTo("no team team-nobody in the GitHub organisation acme (input access)");
            });
    assertThat(github.requests()).noneMatch(r -> r.startsWith("POST"));
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
    assertThat(github.requests()).isEmpty();
  }

  @Test
  void deletesOnlyWhatThisRunOfTheServiceMade() {
    github.repository("acme", "checkout", "main");
    github.file(
        "acme",
        "checkout",
        ".paved/service.json",
        null,
        new GithubMarker(SERVICE, "run-1").fileText());
    github.deletable("acme", "checkout");

    assertThat(host.deleteIfMadeBy(REPO, SERVICE, "run-2")).isFalse();
    assertThat(host.deleteIfMadeBy(REPO, "acme/billing", "run-1")).isFalse();
    assertThat(github.requests()).noneMatch(r -> r.startsWith("DELETE"));

    assertThat(host.deleteIfMadeBy(REPO, SERVICE, "run-1")).isTrue();
    assertThat(github.requests())
        .endsWith(
            "GET /repos/acme/checkout",
            "GET /repos/acme/checkout/contents/.paved/service.json",
            "DELETE /repos/acme/checkout");
  }

  @Test
  void deletesNothingWhenTheRepositoryOrItsMarkerIsMissing() {
    assertThat(host.deleteIfMadeBy(REPO, SERVICE, "run-1")).isFalse();
    github.repository("acme", "checkout", "main");
    assertThat(host.deleteIfMadeBy(REPO, SERVICE, "run-1")).isFalse();
    assertThat(github.requests()).noneMatch(r -> r.startsWith("DELETE"));
  }

  @Test
  void readsAFileThroughTheContentsApi() {
    github.repository("acme", "checkout", "main");
    github.file("acme", "checkout", "catalog-info.yaml", "trunk", "kind: Component\n");

    String contents = github.url() + "/acme/checkout/blob/trunk";
    assertThat(host.readFile(contents, "/catalog-info.yaml")).contains("kind: Component\n");
    assertThat(host.readFile(contents, "missing.yaml")).isEmpty();
    assertThat(github.requests())
        .contains("GET /repos/acme/checkout/contents/catalog-info.yaml?ref=trunk");
    assertThatThrownBy(
            () -> host.readFile("https://elsewhere.example/acme/checkout/blob/main", "x.yaml"))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> assertThat(f.getType()).isEqualTo(FailureTypes.INVALID_INPUT));
  }
}
