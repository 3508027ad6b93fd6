package dev.paved.testfixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paved.testfixtures.grafana.FakeGrafana;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A stand-in's fault plan, seen from a plain HTTP client. */
class FaultsTest {

  final FakeGrafana grafana = new FakeGrafana();
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @AfterEach
  void tearDown() {
    grafana.close();
  }

  HttpResponse<String> get(String path, Duration timeout) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(grafana.url() + path))
            .header("Authorization", "Bearer " + FakeGrafana.TOKEN)
            .timeout(timeout)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  int status(String path) throws Exception {
    return get(path, Duration.ofSeconds(10)).statusCode();
  }

  @Test
  void nextFaultsTheGivenNumberOfMatchingRequestsOnly() throws Exception {
    grafana.faults().next(2, "GET", "/api/folders/.*", Fault.status(503));

    assertThat(status("/api/health")).isEqualTo(200);
    assertThat(status("/api/folders/a")).isEqualTo(503);
    assertThat(status("/api/folders/b")).isEqualTo(503);
    assertThat(status("/api/folders/c")).isEqualTo(404);
    assertThat(grafana.faults().injected())
        .extracting(Faults.Injected::line)
        .containsExactly("GET /api/folders/a", "GET /api/folders/b");
    assertThat(grafana.calls().get(1).fault()).isEqualTo("503");
    assertThat(grafana.calls().get(3).fault()).isNull();
  }

  @Test
  void anOutageFromAChosenRequestLastsUntilSwitchedOff() throws Exception {
    grafana.faults().outageFrom("GET", "/api/folders/start", Fault.status(502));

    assertThat(status("/api/health")).isEqualTo(200);
    assertThat(status("/api/folders/start")).isEqualTo(502);
    assertThat(status("/api/health")).isEqualTo(502);
    assertThat(grafana.faults().active()).isTrue();
    grafana.faults().off();
    assertThat(status("/api/health")).isEqualTo(200);
    assertThat(grafana.faults().injected()).hasSize(2);
  }

  @Test
  void retryAfterIsSentAndACallBeforeItIsNoted() throws Exception {
    grafana.faults().next(1, Fault.retryAfter(429, 30));

    HttpResponse<String> limited = get("/api/folders/x", Duration.ofSeconds(10));
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).contains("30");
    assertThat(grafana.callsBeforeAllowed()).isEmpty();
    assertThat(status("/api/folders/x")).isEqualTo(404);
    assertThat(grafana.callsBeforeAllowed())
        .singleElement()
        .asString()
        .startsWith("GET /api/folders/x at");
  }

  @Test
  void githubsSecondaryLimitSendsItsHeadersWithAResetInWholeSeconds() throws Exception {
    grafana.faults().next(1, Fault.githubSecondaryLimit(2));

    HttpResponse<String> limited = get("/api/folders/x", Duration.ofSeconds(10));

    assertThat(limited.statusCode()).isEqualTo(403);
    assertThat(limited.headers().firstValue("Retry-After")).contains("2");
    assertThat(limited.headers().firstValue("x-ratelimit-remaining")).contains("0");
    long reset = Long.parseLong(limited.headers().firstValue("x-ratelimit-reset").orElseThrow());
    assertThat(reset)
        .isBetween(Instant.now().getEpochSecond() + 1, Instant.now().getEpochSecond() + 4);
    assertThat(grafana.faults().injected().get(0).notBefore().getEpochSecond()).isEqualTo(reset);
  }

  @Test
  void aSlowAnswerIsServedButComesLate() throws Exception {
    grafana.faults().next(1, Fault.slow(Duration.ofSeconds(3)));

    assertThatThrownBy(() -> get("/api/folders/x", Duration.ofMillis(500)))
        .isInstanceOf(java.net.http.HttpTimeoutException.class);
    assertThat(grafana.lines()).containsExactly("GET /api/folders/x");
  }

  @Test
  void aResetClosesTheConnectionWithoutAnAnswer() {
    grafana.faults().next(5, Fault.reset());

    assertThatThrownBy(() -> get("/api/folders/x", Duration.ofSeconds(10)))
        .isInstanceOf(IOException.class);
  }

  @Test
  void whatTheStandInMadeIsCountedByKind() throws Exception {
    HttpResponse<String> made =
        http.send(
            HttpRequest.newBuilder(URI.create(grafana.url() + "/api/folders"))
                .header("Authorization", "Bearer " + FakeGrafana.TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"uid\":\"f1\",\"title\":\"Team\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(made.statusCode()).isEqualTo(200);
    assertThat(grafana.made(FakeGrafana.FOLDER)).containsExactly("f1");
    assertThat(grafana.madeCounts()).containsEntry(FakeGrafana.FOLDER, 1);
    grafana.folder("seeded", "Seeded"); // what someone made earlier is not counted
    assertThat(grafana.made(FakeGrafana.FOLDER)).containsExactly("f1");
  }
}
