package dev.paved.activities.repository;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static dev.paved.activities.github.GithubStandIn.json;
import static dev.paved.activities.github.GithubStandIn.reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.paved.activities.github.GithubMarker;
import dev.paved.activities.github.GithubStandIn;
import dev.paved.activities.support.Workspaces;
import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.FailureTypes;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code publish:github}'s inputs as the requests GitHub receives. */
class RepositoryActivitiesGithubTest {

  static final String SERVICE = "team-payments/checkout";

  @TempDir Path data;

  GithubStandIn github;
  RepositoryActivitiesImpl activities;

  @BeforeEach
  void setUp() throws Exception {
    github = new GithubStandIn();
    Workspaces workspaces = new Workspaces(data.resolve("workspaces"));
    activities =
        new RepositoryActivitiesImpl(
            new GithubRepositoryHost(github.connection(), List.of()), workspaces);
    Path skeleton = workspaces.resolve("run-1", "skeleton");
    Files.createDirectories(skeleton);
    Files.writeString(skeleton.resolve("README.md"), "# checkout\n");
  }

  @AfterEach
  void tearDown() {
    github.close();
  }

  ActionRequest request(Map<String, Object> extra) {
    Map<String, Object> input =
        new HashMap<>(
            Map.of(
                "repoUrl",
                "github.com?owner=acme&repo=checkout",
                "sourcePath",
                "skeleton",
                "description",
                "Checkout service"));
    input.putAll(extra);
    return new ActionRequest("run-1", SERVICE, "publish", "publish:github", input, null, "ana");
  }

  @Test
  void backstageInputsBecomeTheRepositorysSettings() {
    github.organisation("acme", 100);
    github.answer(
        get("/orgs/acme/teams/team-payments"), reply(200, "{\"id\":7,\"slug\":\"team-payments\"}"));
    github.answer(
        post("/orgs/acme/repos"), reply(201, github.repositoryJson("acme", "checkout", "main")));
    github.answer(
        put("/repos/acme/checkout/contents/.paved/service.json"),
        reply(201, "{\"content\":{},\"commit\":{\"sha\":\"m1\",\"tree\":{\"sha\":\"t1\"}}}"));
    github.answer(
        patch("/repos/acme/checkout"),
        reply(200, github.repositoryJson("acme", "checkout", "trunk")));
    github.branch("acme", "checkout", "trunk", "m1");
    github.gitDataWrites("acme", "checkout", "t2", "c2");
    github.topicsAndProtection("acme", "checkout", "trunk");
    github.answer(
        put("/organizations/100/team/7/repos/acme/checkout"), WireMock.aResponse().withStatus(204));

    var output =
        activities
            .publishGithub(
                request(
                    Map.of(
                        "repoVisibility", "public",
                        "defaultBranch", "trunk",
                        "topics", List.of("payments"),
                        "access", "acme/team-payments",
                        "requiredApprovingReviewCount", 0,
                        "protectEnforceAdmins", false,
                        "requiredStatusCheckContexts", List.of("build"),
                        "gitCommitMessage", "scaffold checkout",
                        "gitAuthorName", "Ana",
                        "gitAuthorEmail", "ana@example.com")))
            .output();

    assertThat(output)
        .isEqualTo(
            Map.of(
                "remoteUrl", github.url() + "/acme/checkout.git",
                "repoContentsUrl", github.url() + "/acme/checkout/blob/trunk",
                "commitHash", "c2"));
    assertThat(github.body("POST", "/orgs/acme/repos"))
        .isEqualTo(
            json(
                "{'name':'checkout','description':'Checkout service','visibility':'public',"
                    + "'auto_init':false}"));
    assertThat(
            github.body("PUT", "/repos/acme/checkout/contents/.paved/service.json").get("branch"))
        .isEqualTo(json("'trunk'"));
    assertThat(github.body("PATCH", "/repos/acme/checkout").get("default_branch"))
        .isEqualTo(json("'trunk'"));
    assertThat(github.body("POST", "/repos/acme/checkout/git/commits").get("message"))
        .isEqualTo(json("'scaffold checkout'"));
    assertThat(github.body("PUT", "/repos/acme/checkout/topics"))
        .isEqualTo(json("{'names':['payments']}"));
    assertThat(github.body("PUT", "/repos/acme/checkout/branches/trunk/protection"))
        .isEqualTo(
            json(
                "{'required_status_checks':{'strict':true,'checks':[{'context':'build'}]},"
                    + "'enforce_admins':false,'restrictions':null,"
                    + "'required_pull_request_reviews':{'required_approving_review_count':0,"
                    + "'require_code_owner_reviews':false,'dismiss_stale_reviews':false}}"));
    assertThat(github.requests()).contains("PUT /organizations/100/team/7/repos/acme/checkout");
  }

  @Test
  void inputGithubWouldRefuseFailsBeforeAnyRequest() {
    for (Map<String, Object> bad :
        List.<Map<String, Object>>of(
            Map.of("repoVisibility", "secret"),
            Map.of("topics", List.of("Not A Topic")),
            Map.of("access", "other-org/team-payments"),
            Map.of("requiredApprovingReviewCount", 7))) {
      assertThatThrownBy(() -> activities.publishGithub(request(bad)))
          .as("%s", bad)
          .isInstanceOfSatisfying(
              ApplicationFailure.class,
              f -> assertThat(f.getType()).isEqualTo(FailureTypes.INVALID_INPUT));
    }
    assertThat(github.requests()).isEmpty();
  }

  @Test
  void aRateLimitedStepRetriesAfterTheTimeGithubAsks() {
    github.answer(
        get("/orgs/acme"),
        reply(429, "{\"message\":\"You have exceeded a secondary rate limit.\"}")
            .withHeader("Retry-After", "17"));

    assertThatThrownBy(() -> activities.publishGithub(request(Map.of())))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.getType()).isEqualTo(FailureTypes.UNAVAILABLE);
              assertThat(f.isNonRetryable()).isFalse();
              assertThat(f.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(17));
            });
  }

  @Test
  void undoDeletesTheRepositoryThisRunMade() {
    github.repository("acme", "checkout", "main");
    github.file(
        "acme", "checkout", GithubMarker.FILE, null, new GithubMarker(SERVICE, "run-1").fileText());
    github.deletable("acme", "checkout");

    activities.undoPublishGithub(request(Map.of()));

    assertThat(github.requests()).last().isEqualTo("DELETE /repos/acme/checkout");
  }
}
