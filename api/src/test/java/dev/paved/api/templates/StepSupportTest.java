package dev.paved.api.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepSupportTest {

  @Test
  void inputsTheActionReadsPass() {
    assertThat(
            StepSupport.problems(
                "publish:github",
                Map.of(
                    "repoUrl", "${{ parameters.repoUrl }}",
                    "allowedHosts", List.of("github.com"),
                    "description", "This is ${{ parameters.name }}"),
                null))
        .isEmpty();
    assertThat(
            StepSupport.problems(
                "fetch:template",
                Map.of("url", "./skeleton", "values", Map.of(), "cookiecutterCompat", false),
                List.of("a")))
        .isEmpty();
  }

  @Test
  void namesEachInputPavedDoesNotSupport() {
    assertThat(
            StepSupport.problems(
                "publish:github",
                Map.of("repoUrl", "x", "collaborators", List.of(), "token", "${{ t }}"),
                null))
        .containsExactlyInAnyOrder(
            "input 'collaborators' is not one Paved's publish:github reads (it reads repoUrl,"
                + " allowedHosts, description, defaultBranch, sourcePath, gitCommitMessage,"
                + " gitAuthorName, gitAuthorEmail, repoVisibility, topics, access,"
                + " protectDefaultBranch, protectEnforceAdmins, requiredApprovingReviewCount,"
                + " requireCodeOwnerReviews, dismissStaleReviews, requireBranchesToBeUpToDate,"
                + " requiredStatusCheckContexts)",
            "input 'token' is not supported: credentials are Paved's own configuration, never a"
                + " template's");
    assertThat(
            StepSupport.problems(
                "fetch:template", Map.of("url", "./s", "cookiecutterCompat", true), null))
        .singleElement()
        .asString()
        .contains("'cookiecutterCompat' is not supported", "cookiecutter");
  }

  @Test
  void refusesARemoteSkeletonButNotAnExpression() {
    assertThat(
            StepSupport.problems(
                "fetch:plain",
                Map.of("url", "https://github.com/backstage/community/tree/main/x"),
                null))
        .singleElement()
        .asString()
        .contains("'url'", "https://github.com/backstage", "template's own folder");
    assertThat(StepSupport.problems("fetch:plain", Map.of("url", "${{ parameters.u }}"), null))
        .isEmpty();
  }

  @Test
  void refusesTheSecretsContextAndAnEachThatCannotBeIterated() {
    assertThat(
            StepSupport.problems(
                "debug:log",
                Map.of(
                    "message",
                    "${{ secrets.USER_OAUTH_TOKEN }}",
                    "extra",
                    Map.of("a", List.of("${{ secrets['X'] }}"))),
                5))
        .containsExactlyInAnyOrder(
            "each must be a list, an object or an expression, got '5'",
            "input.message: the 'secrets' context is not supported (Paved passes no secrets to"
                + " templates; actions take credentials from Paved's configuration)",
            "input.extra.a[0]: the 'secrets' context is not supported (Paved passes no secrets to"
                + " templates; actions take credentials from Paved's configuration)");
    // a parameter or a value called secrets is not the context
    assertThat(
            StepSupport.problems(
                "paved:vault:secrets",
                Map.of(
                    "name", "${{ parameters.secrets.name }}",
                    "secrets", "${{ steps['s'].output.secrets }}",
                    "owner", "secrets.txt"),
                null))
        .isEmpty();
  }

  @Test
  void refusesBackstagesExperimentalTemplateFeatures() {
    assertThat(
            StepSupport.specProblems(
                Map.of(
                    "EXPERIMENTAL_recovery", Map.of("EXPERIMENTAL_strategy", "startOver"),
                    "EXPERIMENTAL_formDecorators", List.of(Map.of("id", "github")),
                    "presentation", Map.of())))
        .hasSize(2)
        .anySatisfy(p -> assertThat(p).startsWith("spec.EXPERIMENTAL_recovery"))
        .anySatisfy(p -> assertThat(p).startsWith("spec.EXPERIMENTAL_formDecorators"));
  }
}
