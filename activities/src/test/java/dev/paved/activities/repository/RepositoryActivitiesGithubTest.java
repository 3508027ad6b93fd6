package dev.paved.activities.repository;

import static dev.paved.testfixtures.StandIn.singleQuoted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paved.activities.github.GithubConnection;
import dev.paved.activities.github.GithubMarker;
import dev.paved.activities.support.Workspaces;
import dev.paved.testfixtures.github.FakeGithub;
import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.FailureTypes;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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
  static final String REPO = "/api/v3/repos/acme/checkout";

  @TempDir Path data;

  FakeGithub github;
  RepositoryActivitiesImpl activities;

  @BeforeEach
  void setUp() throws Exception {
    github = new FakeGithub();
    Workspaces workspaces = new Workspaces(data.resolve("workspaces"));
    activities =
        new RepositoryActivitiesImpl(
            new GithubRepositoryHost(
                GithubConnection.withToken(github.apiUrl(), FakeGithub.TOKEN, Clock.systemUTC()),
                List.of()),
            workspaces);
    Path skeleton = workspaces.resolve("run-1", "skeleton");
    Files.createDirectories(skeleton);
    Files.writeString(skeleton.resolve("README.md"), "# checkout\n");
  }

  @AfterEach
  void tearDown() {
    assertThat(github.unhandled()).isEmpty();
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
    github.organisation("acme");
    github.team("acme", "team-payments");

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
                "remoteUrl", github.webUrl() + "/acme/checkout.git",
                "repoContentsUrl", github.webUrl() + "/acme/checkout/blob/trunk",
                "commitHash", github.head("acme/checkout", "trunk")));
    assertThat(github.lastBody("POST", "/api/v3/orgs/acme/repos"))
        .isEqualTo(
            singleQuoted(
                "{'name':'checkout','description':'Checkout service','visibility':'public',"
                    + "'auto_init':false}"));
    assertThat(github.lastBody("PUT", REPO + "/contents/.paved/service.json").get("branch"))
        .isEqualTo(singleQuoted("'trunk'"));
    assertThat(github.lastBody("PATCH", REPO).get("default_branch"))
        .isEqualTo(singleQuoted("'trunk'"));
    assertThat(github.lastBody("POST", REPO + "/git/commits").get("message"))
        .isEqualTo(singleQuoted("'scaffold checkout'"));
    assertThat(github.lastBody("PUT", REPO + "/topics"))
        .isEqualTo(singleQuoted("{'names':['payments']}"));
    assertThat(github.lastBody("PUT", REPO + "/branches/trunk/protection"))
        .isEqualTo(
            singleQuoted(
                "{'required_status_checks':{'strict':true,'checks':[{'context':'build'}]},"
                    + "'enforce_admins':false,'restrictions':null,"
                    + "'required_pull_request_reviews':{'required_approving_review_count':0,"
                    + "'require_code_owner_reviews':false,'dismiss_stale_reviews':false}}"));
    assertThat(github.lines())
        .anyMatch(l -> l.matches("PUT /api/v3/organizations/\\d+/team/\\d+/repos/acme/checkout"));
    assertThat(github.teamPermission("acme/checkout", "team-payments")).isNotNull();
    assertThat(github.repositoryJson("acme/checkout").orElseThrow().path("default_branch").asText())
        .isEqualTo("trunk");
    assertThat(github.commitMessages("acme/checkout", "trunk"))
        .first()
        .isEqualTo("scaffold checkout");
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
    assertThat(github.lines()).isEmpty();
  }

  @Test
  void aRateLimitedStepRetriesAfterTheTimeGithubAsks() {
    github.failWhen(
        "GET",
        "/api/v3/orgs/acme",
        429,
        "{\"message\":\"You have exceeded a secondary rate limit.\"}",
        Map.of("Retry-After", "17"));

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
    github.repository(
        "acme",
        "checkout",
        Map.of(GithubMarker.FILE, new GithubMarker(SERVICE, "run-1").fileText()));

    activities.undoPublishGithub(request(Map.of()));

    assertThat(github.lines()).last().isEqualTo("DELETE " + REPO);
    assertThat(github.deleted()).containsExactly("acme/checkout");
  }
}
