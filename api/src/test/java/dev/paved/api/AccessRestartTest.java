package dev.paved.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Stopping {@code ./paved up} loses no access request: the embedded Temporal server forgets their
 * workflows, timers included, and the next start on the same data folder starts each open one again
 * from Paved's record. A grant whose end passed while Paved was stopped is revoked at once and
 * recorded as expired; a grant still running is held (not made again); a waiting request keeps the
 * approvals it had; a break-glass review can still be made; no audit entry is written twice.
 */
@ExtendWith(OutputCaptureExtension.class)
class AccessRestartTest {

  /** Long enough to outlast the first start's stop, short enough to end before the next start. */
  private static final Duration SHORT = Duration.ofSeconds(15);

  /** An access shorter than the default minimum, so that one expires while the test waits. */
  private static final String SHORTEST = "paved.access.min-duration=PT10S";

  @TempDir Path root;
  private final HttpClient http = HttpClient.newHttpClient();

  record Answer(int status, JsonNode body) {}

  @Test
  void openRequestsAreStartedAgainFromTheirRecord(CapturedOutput output) throws Exception {
    Path dataDir = Files.createDirectories(root.resolve("data"));
    String expiring;
    String held;
    String waiting;
    String breakGlass;
    JsonNode heldBefore;
    JsonNode reviewBefore;
    Instant expiringEnds;
    try (LocalPaved first = LocalPaved.start(dataDir, SHORTEST)) {
      AccessRequestsTest.ledgerInTheCatalog(first.bean(JdbcClient.class));
      held = ask(first, "alice", "read", "PT1H", false);
      heldBefore = decide(first, "bob", held, 200).body();
      waiting = ask(first, "alice", "admin", "PT1H", false);
      decide(first, "bob", waiting, 200);
      breakGlass = ask(first, "sam", "write", "PT1H", true);
      reviewBefore = await(first, breakGlass, "ACTIVE");
      expiring = ask(first, "alice", "read", "PT" + SHORT.toSeconds() + "S", false);
      JsonNode active = decide(first, "bob", expiring, 200).body();
      expiringEnds = Instant.parse(active.path("expiresAt").asText());
    }
    // the first start revoked nothing: the grant's end comes while Paved is stopped
    assertThat(grantRecord(dataDir, expiring)).contains("\"revokedAt\" : null");
    Awaitility.await("the grant's end")
        .atMost(SHORT.plusMinutes(1))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> Instant.now().isAfter(expiringEnds.plusMillis(500)));

    try (LocalPaved second = LocalPaved.start(dataDir, SHORTEST)) {
      JsonNode expired = await(second, expiring, "EXPIRED");
      assertThat(expired.path("endReason").asText())
          .isEqualTo("revoked at the end of its duration");
      assertThat(grantRecord(dataDir, expiring)).doesNotContain("\"revokedAt\" : null");
      JsonNode trail =
          call(second, "audrey", "GET", "/api/v1/audit?subject=access-request:" + expiring, null)
              .body()
              .path("items");
      assertThat(trail)
          .extracting(e -> e.path("eventId").asText() + " " + e.path("action").asText())
          .containsExactly(
              expiring + "#5 access.expired",
              expiring + "#4 access.recovered",
              expiring + "#3 access.granted",
              expiring + "#2 access.approved",
              expiring + "#1 access.requested");

      JsonNode stillHeld =
          call(second, "alice", "GET", "/api/v1/access-requests/" + held, null).body();
      assertThat(stillHeld.path("status").asText()).isEqualTo("ACTIVE");
      assertThat(stillHeld.path("grantedAt")).isEqualTo(heldBefore.path("grantedAt"));
      assertThat(stillHeld.path("expiresAt")).isEqualTo(heldBefore.path("expiresAt"));
      Answer revoked =
          call(second, "alice", "POST", "/api/v1/access-requests/" + held + "/revoke", Map.of());
      assertThat(revoked.status()).as(revoked.body().toString()).isEqualTo(200);
      assertThat(revoked.body().path("status").asText()).isEqualTo("REVOKED");

      assertThat(decide(second, "bob", waiting, 409).body().path("detail").asText())
          .contains("already decided");
      JsonNode granted = decide(second, "sam", waiting, 200).body();
      assertThat(granted.path("status").asText()).isEqualTo("ACTIVE");
      assertThat(granted.path("decisions"))
          .extracting(d -> d.path("by").asText())
          .containsExactly("bob", "sam");

      Answer acknowledged =
          call(
              second,
              "bob",
              "POST",
              "/api/v1/access-requests/" + breakGlass + "/acknowledge",
              Map.of("comment", "was needed"));
      assertThat(acknowledged.status()).as(acknowledged.body().toString()).isEqualTo(200);
      assertThat(acknowledged.body().path("reviewDueAt"))
          .isEqualTo(reviewBefore.path("reviewDueAt"));
      assertThat(output.getOut())
          .containsPattern("AccessRecovery .*Access request " + expiring + " .*started again");
    }
  }

  private String ask(LocalPaved paved, String user, String role, String duration, boolean glass) {
    Map<String, Object> body = AccessRequestsTest.request(role, duration);
    body.put("breakGlass", glass);
    Answer asked = call(paved, user, "POST", "/api/v1/access-requests", body);
    assertThat(asked.status()).as(asked.body().toString()).isEqualTo(202);
    return asked.body().path("id").asText();
  }

  private Answer decide(LocalPaved paved, String user, String id, int expected) {
    Answer answer =
        call(
            paved,
            user,
            "POST",
            "/api/v1/access-requests/" + id + "/approval",
            Map.of("decision", "approve", "comment", "ok"));
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(expected);
    return answer;
  }

  /** Polls as pat until the request has {@code status} (a bound on waiting, not on speed). */
  private JsonNode await(LocalPaved paved, String id, String status) {
    return Awaitility.await(id + " " + status)
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> call(paved, "pat", "GET", "/api/v1/access-requests/" + id, null).body(),
            request -> status.equals(request.path("status").asText()));
  }

  private static String grantRecord(Path dataDir, String id) throws IOException {
    return Files.readString(dataDir.resolve("access-grants/" + id + ".json"));
  }

  /** Calls as a sample user of local mode (the password is the user's name). */
  private Answer call(LocalPaved paved, String user, String method, String path, Object body) {
    try {
      String json = body == null ? "" : LocalPaved.JSON.writeValueAsString(body);
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("http://localhost:" + paved.port() + path))
              .header("Content-Type", "application/json")
              .header(
                  "Authorization",
                  "Basic "
                      + Base64.getEncoder()
                          .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
              .method(
                  method,
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(json))
              .build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      String text = response.body();
      return new Answer(
          response.statusCode(),
          text == null || text.isBlank()
              ? LocalPaved.JSON.nullNode()
              : LocalPaved.JSON.readTree(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
