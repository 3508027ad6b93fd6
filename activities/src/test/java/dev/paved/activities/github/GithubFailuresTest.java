package dev.paved.activities.github;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static dev.paved.activities.github.GithubStandIn.NOW;
import static dev.paved.activities.github.GithubStandIn.reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.paved.workflows.steps.FailureTypes;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** GitHub's error answers, read by hub4j with Paved's handlers, as step failures. */
class GithubFailuresTest {

  final GithubStandIn github = new GithubStandIn();

  @AfterEach
  void tearDown() {
    github.close();
  }

  /** The failure of {@code GET /orgs/acme} when GitHub answers as stubbed. */
  ApplicationFailure failureOfGettingTheOrganisation() {
    IOException e =
        catchThrowableOfType(
            IOException.class, () -> github.connection().api().getOrganization("acme"));
    assertThat(e).as("GitHub's error reaches Paved as an IOException").isNotNull();
    return GithubFailures.of("reading organisation acme", e, NOW);
  }

  @Test
  void primaryRateLimitWaitsUntilTheResetTimeWithoutHub4jSleeping() {
    github.answer(
        get("/orgs/acme"),
        reply(403, "{\"message\":\"API rate limit exceeded for installation ID 42.\"}")
            .withHeader("X-RateLimit-Limit", "5000")
            .withHeader("X-RateLimit-Remaining", "0")
            .withHeader("X-RateLimit-Reset", String.valueOf(NOW.getEpochSecond() + 754)));

    ApplicationFailure failure = failureOfGettingTheOrganisation();

    assertThat(failure.getType()).isEqualTo(FailureTypes.UNAVAILABLE);
    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(754));
    assertThat(failure.getOriginalMessage())
        .isEqualTo(
            "GitHub's rate limit was reached while reading organisation acme;"
                + " GitHub asks to wait 754 s");
    assertThat(github.requests()).containsExactly("GET /orgs/acme");
  }

  @Test
  void secondaryRateLimitWaitsAsLongAsRetryAfterSays() {
    github.answer(
        get("/orgs/acme"),
        reply(429, "{\"message\":\"You have exceeded a secondary rate limit.\"}")
            .withHeader("Retry-After", "30"));

    ApplicationFailure failure = failureOfGettingTheOrganisation();

    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(30));
    assertThat(github.requests()).containsExactly("GET /orgs/acme");
  }

  @Test
  void secondaryRateLimitWithoutATimeWaitsAMinute() {
    github.answer(
        get("/orgs/acme"),
        reply(403, "{\"message\":\"You have exceeded a secondary rate limit.\"}")
            .withHeader("gh-limited-by", "content-creation"));

    assertThat(failureOfGettingTheOrganisation().getNextRetryDelay())
        .isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void refusedCredentialsAreUnauthorizedAndNotRetried() {
    github.answer(
        get("/orgs/acme"),
        reply(
            401,
            "{\"message\":\"Bad credentials\","
                + "\"documentation_url\":\"https://docs.github.com/rest\"}"));

    ApplicationFailure failure = failureOfGettingTheOrganisation();

    assertThat(failure.getType()).isEqualTo(FailureTypes.UNAUTHORIZED);
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage())
        .isEqualTo(
            "GitHub refused Paved's credentials while reading organisation acme: Bad credentials");
    assertThat(failure.getOriginalMessage()).doesNotContain(GithubStandIn.TOKEN);
  }

  @Test
  void aForbiddenCallThatIsNoRateLimitIsUnauthorized() {
    github.answer(
        get("/orgs/acme"), reply(403, "{\"message\":\"Resource not accessible by integration\"}"));

    ApplicationFailure failure = failureOfGettingTheOrganisation();

    assertThat(failure.getType()).isEqualTo(FailureTypes.UNAUTHORIZED);
    assertThat(failure.getNextRetryDelay()).isNull();
    assertThat(failure.getOriginalMessage())
        .isEqualTo(
            "GitHub did not allow reading organisation acme with Paved's credentials (403):"
                + " Resource not accessible by integration");
  }

  @Test
  void serverErrorsAreUnavailableAndRetriedUnderTheStepsPolicy() {
    github.answer(get("/orgs/acme"), reply(502, "{\"message\":\"Server Error\"}"));

    ApplicationFailure failure = failureOfGettingTheOrganisation();

    assertThat(failure.getType()).isEqualTo(FailureTypes.UNAVAILABLE);
    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getNextRetryDelay()).isNull();
    assertThat(failure.getOriginalMessage())
        .isEqualTo("GitHub answered 502 while reading organisation acme: Server Error");
  }

  @Test
  void validationErrorsAreInvalidInputWithGitHubsWords() {
    github.answer(
        get("/orgs/acme"),
        reply(
            422,
            "{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":\"Repository\","
                + "\"code\":\"custom\",\"message\":\"visibility can't be internal\"}]}"));

    ApplicationFailure failure = failureOfGettingTheOrganisation();

    assertThat(failure.getType()).isEqualTo(FailureTypes.INVALID_INPUT);
    assertThat(failure.getOriginalMessage())
        .isEqualTo(
            "GitHub refused reading organisation acme (422): Validation Failed;"
                + " visibility can't be internal");
  }

  @Test
  void noAnswerAtAllIsUnavailable() {
    GithubConnection gone = github.connection();
    github.close();

    IOException e =
        catchThrowableOfType(IOException.class, () -> gone.api().getOrganization("acme"));

    ApplicationFailure failure = GithubFailures.of("reading organisation acme", e, NOW);
    assertThat(failure.getType()).isEqualTo(FailureTypes.UNAVAILABLE);
    assertThat(failure.getOriginalMessage())
        .isEqualTo("GitHub did not answer while reading organisation acme");
  }
}
