package dev.paved.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Approvers hear of a production run that waits for them: Paved, pointed at a webhook (a real HTTP
 * server), posts the signed notification with the run's link once the run reaches its approval
 * step.
 */
class NotificationsTest extends EndToEndTest {

  static final String SECRET = "webhook-signing-secret";
  static final String PUBLIC_URL = "https://paved.example.com";
  // lives as long as the test JVM, like the cached context that posts to it
  static final MockWebServer WEBHOOK = new MockWebServer();

  static {
    try {
      WEBHOOK.setDispatcher(
          new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
              return new MockResponse.Builder().code(200).body("ok").build();
            }
          });
      WEBHOOK.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void webhook(DynamicPropertyRegistry registry) {
    registry.add("paved.public-url", () -> PUBLIC_URL);
    registry.add("paved.notifications.webhook-url", () -> WEBHOOK.url("/hooks/paved").toString());
    registry.add("paved.notifications.webhook-secret", () -> SECRET);
    registry.add("paved.notifications.poll-interval", () -> "200ms");
  }

  @Test
  void aProductionRunWaitingForApprovalNotifiesItsApprovers() throws Exception {
    Answer started =
        as("alice")
            .postRun(
                "java-service",
                Map.of(
                    "name", "notified-ledger",
                    "owner", "team-payments",
                    "description", "A production service",
                    "lifecycle", "production"),
                Map.of());
    assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
    String id = started.body().path("id").asText();
    JsonNode waiting = awaitEnd(id);
    assertThat(waiting.path("status").asText()).isEqualTo("WAITING_APPROVAL");

    // a bound on waiting for the sender's next turn, not an assertion on its speed
    RecordedRequest request = WEBHOOK.takeRequest(60, TimeUnit.SECONDS);
    assertThat(request).as("a notification reached the webhook").isNotNull();
    String body = request.getBody().string(StandardCharsets.UTF_8);
    assertThat(request.getMethod() + " " + request.getTarget()).isEqualTo("POST /hooks/paved");
    assertThat(request.getHeaders().get("X-Paved-Signature")).isEqualTo("sha256=" + hmac(body));
    JsonNode notification = JSON.readTree(body);
    assertThat(notification.path("event").asText()).isEqualTo("run.waiting_approval");
    assertThat(notification.path("link").asText()).isEqualTo(PUBLIC_URL + "/api/v1/runs/" + id);
    assertThat(notification.path("text").asText())
        .isEqualTo(
            "Run "
                + id
                + " of java-service for team-payments/notified-ledger, requested by alice, needs"
                + " approval from team-payments or platform: Create notified-ledger for"
                + " team-payments in production?");
    assertThat(notification.path("detail").path("approvers").asText())
        .isEqualTo("team-payments,platform");

    Answer rejected =
        as("petra")
            .post("/api/v1/runs/" + id + "/approval", Map.of("decision", "reject", "comment", ""));
    assertThat(rejected.status()).as(rejected.body().toString()).isEqualTo(200);
    assertThat(awaitEnd(id).path("status").asText()).isEqualTo("REJECTED");
    assertThat(WEBHOOK.getRequestCount()).as("nothing else notifies").isEqualTo(1);
  }

  private static String hmac(String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }
}
