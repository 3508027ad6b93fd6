package dev.paved.activities.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paved.testfixtures.Fault;
import dev.paved.testfixtures.grafana.FakeGrafana;
import dev.paved.workflows.steps.FailureTypes;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Grafana's faults as step failures, against the stand-in's fault plan: 429 and 503 with {@code
 * Retry-After} set the next attempt's delay; resets and late answers are retryable.
 */
class GrafanaFaultsTest {

  FakeGrafana grafana;
  GrafanaApi api;

  @BeforeEach
  void setUp() {
    grafana = new FakeGrafana();
    api = new GrafanaApi(new GrafanaSettings(grafana.url(), FakeGrafana.TOKEN));
  }

  @AfterEach
  void tearDown() {
    grafana.close();
  }

  @Test
  void aRateLimitWithRetryAfterWaitsAsLongAsGrafanaAsks() {
    grafana.faults().next(1, "GET", "/api/folders/.*", Fault.retryAfter(429, 5));

    GrafanaApi.Answer answer = api.get("api/folders/x");
    assertThatThrownBy(() -> api.check("read folder x", answer, 200, 404))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertRetryable(f);
              assertThat(f.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(5));
            })
        .hasMessageContaining("429")
        .hasMessageContaining("asks to wait 5 s");
    assertThat(api.get("api/folders/x").status()).isEqualTo(404);
  }

  @Test
  void anUnavailableGrafanaWithAnHttpDateWaitsUntilThen() {
    Instant at = Instant.now().plusSeconds(40);
    grafana
        .faults()
        .next(
            1,
            Fault.status(503)
                .header(
                    "Retry-After",
                    java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        at.atZone(java.time.ZoneOffset.UTC))));

    GrafanaApi.Answer answer = api.get("api/folders/x");
    assertThatThrownBy(() -> api.check("read folder x", answer, 200))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f ->
                assertThat(f.getNextRetryDelay())
                    .isBetween(Duration.ofSeconds(30), Duration.ofSeconds(41)));
  }

  @Test
  void aServerErrorWithoutRetryAfterLeavesTheDelayToThePolicy() {
    grafana.faults().next(1, Fault.status(500));

    GrafanaApi.Answer answer = api.get("api/folders/x");
    assertThatThrownBy(() -> api.check("read folder x", answer, 200))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertRetryable(f);
              assertThat(f.getNextRetryDelay()).isNull();
            });
  }

  @Test
  void aResetConnectionIsRetryable() {
    // OkHttp tries a reset request once more by itself: two resets make the call fail
    grafana.faults().next(2, Fault.reset());

    assertThatThrownBy(() -> api.get("api/folders/x"))
        .isInstanceOfSatisfying(ApplicationFailure.class, GrafanaFaultsTest::assertRetryable)
        .hasMessageContaining("did not answer");
  }

  @Test
  void anAnswerLaterThanTheReadTimeoutIsRetryable() {
    api =
        new GrafanaApi(
            new GrafanaSettings(grafana.url(), FakeGrafana.TOKEN), Duration.ofMillis(500));
    grafana.faults().next(1, Fault.slow(Duration.ofSeconds(2)));

    assertThatThrownBy(() -> api.get("api/folders/x"))
        .isInstanceOfSatisfying(ApplicationFailure.class, GrafanaFaultsTest::assertRetryable)
        .hasMessageContaining("did not answer");
  }

  private static void assertRetryable(ApplicationFailure failure) {
    assertThat(failure.getType()).isEqualTo(FailureTypes.UNAVAILABLE);
    assertThat(failure.isNonRetryable()).isFalse();
  }
}
