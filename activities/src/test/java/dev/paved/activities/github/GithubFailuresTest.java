package dev.paved.activities.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.paved.testfixtures.Fault;
import dev.paved.testfixtures.github.FakeGithub;
import dev.paved.workflows.steps.FailureTypes;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GitHub's error answers, read by hub4j with Paved's handlers, as step failures. */
class GithubFailuresTest {

  static final Instant NOW = Instant.parse("2026-11-28T10:15:30Z");
  static final String ORGANISATION = "/api/v3/orgs/acme";

  final FakeGithub github = new FakeGithub();
  String token = FakeGithub.TOKEN;

  @BeforeEach
  void setUp() {
    github.organisation("acme");
  }

  @AfterEach
  void tearDown() {
    github.close();
  }

  GithubConnection connection() {
    return GithubConnection.withToken(github.apiUrl(), token, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  /** GitHub answers {@code GET /orgs/acme} with this error. */
  void organisationAnswers(int status, String body, Map<String, String> headers) {
    github.failWhen("GET", ORGANISATION, status, body, headers);
  }

  /** The failure of {@code GET /orgs/acme} when GitHub answers with an error. */
  ApplicationFailure failureOfGettingTheOrganisation() {
    IOException e =
        catchThrowableOfType(IOException.class, () -> connection().api().getOrganization("acme"));
    assertThat(e).as("GitHub's error reaches Paved as an IOException").isNotNull();
    return GithubFailures.of("reading organisation acme", e, NOW);
  }

  @Test
  void primaryRateLimitWaitsUntilTheResetTimeWithoutHub4jSleeping() {
    github.rateLimitExhausted("GET", ORGANISATION, NOW.plusSeconds(754));

    ApplicationFailure failure = failureOfGettingTheOrganisation();

    assertThat(failure.getType()).isEqualTo(FailureTypes.UNAVAILABLE);
    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(754));
    assertThat(failure.getOriginalMessage())
        .isEqualTo(
            "GitHub's rate limit was reached while reading organisation acme;"
                + " GitHub asks to wait 754 s");
    assertThat(github.lines()).containsExactly("GET " + ORGANISATION);
  }

  @Test
  void secondaryRateLimitWaitsAsLongAsRetryAfterSays() {
    organisationAnswers(
        429,
        "{\"message\":\"You have exceeded a secondary rate limit.\"}",
        Map.of("Retry-After", "30"));

    ApplicationFailure failure = failureOfGettingTheOrganisation();

    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(30));
    assertThat(github.lines()).containsExactly("GET " + ORGANISATION);
  }

  @Test
  void secondaryRateLimitWithoutATimeWaitsAMinute() {
    organisationAnswers(
        403,
        "{\"message\":\"You have exceeded a secondary rate limit.\"}",
        Map.of("gh-limited-by", "content-creation"));

    assertThat(failureOfGettingTheOrganisation().getNextRetryDelay())
        .isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void refusedCredentialsAreUnauthorizedAndNotRetried() {
    token = "ghp_revoked"; // GitHub's own answer to a token it does not know

    ApplicationFailure failure = failureOfGettingTheOrganisation();

    assertThat(failure.getType()).isEqualTo(FailureTypes.UNAUTHORIZED);
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage())
        .isEqualTo(
            "GitHub refused Paved's credentials while reading organisation acme: Bad credentials");
    assertThat(failure.getOriginalMessage()).doesNotContain(token);
  }

  @Test
  void aForbiddenCallThatIsNoRateLimitIsUnauthorized() {
    organisationAnswers(403, "{\"message\":\"Resource not accessible by integration\"}", Map.of());

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
    organisationAnswers(502, "{\"message\":\"Server Error\"}", Map.of());

    ApplicationFailure failure = failureOfGettingTheOrganisation();

    assertThat(failure.getType()).isEqualTo(FailureTypes.UNAVAILABLE);
    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getNextRetryDelay()).isNull();
    assertThat(failure.getOriginalMessage())
        .isEqualTo("GitHub answered 502 while reading organisation acme: Server Error");
  }

  @Test
  void validationErrorsAreInvalidInputWithGitHubsWords() {
    organisationAnswers(
        422,
        "{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":\"Repository\","
            + "\"code\":\"custom\",\"message\":\"visibility can't be internal\"}]}",
        Map.of());

    ApplicationFailure failure = failureOfGettingTheOrganisation();

    assertThat(failure.getType()).isEqualTo(FailureTypes.INVALID_INPUT);
    assertThat(failure.getOriginalMessage())
        .isEqualTo(
            "GitHub refused reading organisation acme (422): Validation Failed;"
                + " visibility can't be internal");
  }

  @Test
  void noAnswerAtAllIsUnavailable() {
    GithubConnection gone = connection();
    github.close();

    IOException e =
        catchThrowableOfType(IOException.class, () -> gone.api().getOrganization("acme"));

    ApplicationFailure failure = GithubFailures.of("reading organisation acme", e, NOW);
    assertThat(failure.getType()).isEqualTo(FailureTypes.UNAVAILABLE);
    assertThat(failure.getOriginalMessage())
        .isEqualTo("GitHub did not answer while reading organisation acme");
  }

  @Test
  void theStandInsSecondaryLimitWaitsForItsRetryAfterAndReset() {
    github.faults().next(1, "GET", ORGANISATION, Fault.githubSecondaryLimit(20));
    Instant now = Instant.now();
    IOException e =
        catchThrowableOfType(
            IOException.class,
            () ->
                GithubConnection.withToken(github.apiUrl(), token, Clock.systemUTC())
                    .api()
                    .getOrganization("acme"));

    ApplicationFailure failure = GithubFailures.of("reading organisation acme", e, now);

    assertThat(failure.getType()).isEqualTo(FailureTypes.UNAVAILABLE);
    // Retry-After 20 s, and the reset (whole seconds) at most a second later
    assertThat(failure.getNextRetryDelay())
        .isBetween(Duration.ofSeconds(20), Duration.ofSeconds(22));
    assertThat(github.calls().get(0).fault()).contains("403");
  }

  @Test
  void aResetConnectionIsUnavailable() {
    github.faults().next(3, Fault.reset());

    ApplicationFailure failure = failureOfGettingTheOrganisation();

    assertThat(failure.getType()).isEqualTo(FailureTypes.UNAVAILABLE);
    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getOriginalMessage()).startsWith("GitHub did not answer while");
  }

  @Test
  void withRetryAfterAndASpentLimitBothGivenItWaitsForTheLater() {
    organisationAnswers(
        403,
        "{\"message\":\"You have exceeded a secondary rate limit.\"}",
        Map.of(
            "Retry-After", "5",
            "x-ratelimit-remaining", "0",
            "x-ratelimit-reset", String.valueOf(NOW.plusSeconds(90).getEpochSecond())));
    assertThat(failureOfGettingTheOrganisation().getNextRetryDelay())
        .isEqualTo(Duration.ofSeconds(90));

    github.clearFailures();
    organisationAnswers(
        403,
        "{\"message\":\"You have exceeded a secondary rate limit.\"}",
        Map.of(
            "Retry-After", "120",
            "x-ratelimit-remaining", "0",
            "x-ratelimit-reset", String.valueOf(NOW.plusSeconds(90).getEpochSecond())));
    assertThat(failureOfGettingTheOrganisation().getNextRetryDelay())
        .isEqualTo(Duration.ofSeconds(120));
  }
}
