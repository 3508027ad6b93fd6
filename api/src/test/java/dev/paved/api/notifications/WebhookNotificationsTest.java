package dev.paved.api.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paved.api.TestDatabases;
import dev.paved.api.TestDatabases.TestDatabase;
import dev.paved.api.audit.AuditLog;
import dev.paved.testfixtures.SettableClock;
import dev.paved.workflows.audit.AuditEntry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Notifications on every database Paved supports, sent to a real HTTP server: what is stored when,
 * the request Paved sends (signed), retries that deliver once, and the answers that give up.
 */
class WebhookNotificationsTest {

  private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
  private static final String SECRET = "s3cret-for-hmac";
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<TestDatabase> databases() {
    return TestDatabases.all();
  }

  final MockWebServer server = new MockWebServer();
  final SettableClock clock = new SettableClock(T0);
  JdbcClient jdbc;
  AuditLog audit;
  WebhookSender sender;

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private void paved(TestDatabase db, String webhookUrl, String secret) {
    jdbc = JdbcClient.create(db.dataSource());
    NotificationProperties properties =
        new NotificationProperties(webhookUrl, secret, Duration.ofSeconds(5));
    NotificationOutbox outbox =
        new NotificationOutbox(jdbc, clock, properties.enabled(), "https://paved.example.com/");
    audit = new AuditLog(jdbc, clock, List.of(outbox));
    sender = new WebhookSender(outbox, properties, clock);
  }

  private void paved(TestDatabase db) {
    paved(db, server.url("/hooks/T01/B02/xyz?token=abc").toString(), SECRET);
  }

  private static AuditEntry waitingApproval(String runId) {
    return new AuditEntry(
        "run:" + runId + "#WAITING_APPROVAL#1",
        T0.toEpochMilli(),
        AuditEntry.PAVED,
        "run.waiting_approval",
        "run:" + runId,
        Map.of(
            "template", "java-service",
            "serviceKey", "team-payments/ledger",
            "step", "approval",
            "approvers", "team-payments,platform",
            "requestedBy", "alice",
            "message", "Create ledger for team-payments in production?"));
  }

  private static AuditEntry access(String id, String action, Map<String, String> detail) {
    return new AuditEntry(
        "a-1#" + id, T0.toEpochMilli(), "sam", action, "access-request:a-1", detail);
  }

  private String state(String eventId) {
    return jdbc.sql("select state from notification_outbox where event_id = ?")
        .param(eventId)
        .query(String.class)
        .single();
  }

  private int stored() {
    return jdbc.sql("select count(*) from notification_outbox").query(Integer.class).single();
  }

  private RecordedRequest taken() throws InterruptedException {
    // the sender has returned, so the request is there; the bound only keeps a failure short
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request).as("a request reached the webhook").isNotNull();
    return request;
  }

  private static MockResponse answer(int code) {
    return new MockResponse.Builder().code(code).body("{\"ok\": " + (code < 300) + "}").build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void sendsARunWaitingForApprovalOnceAsSignedJson(TestDatabase db) throws Exception {
    paved(db);
    server.enqueue(answer(200));
    AuditEntry entry = waitingApproval("r-0123456789abcdef");

    assertThat(audit.append(entry)).isTrue();
    assertThat(audit.append(entry)).as("a retried append").isFalse();
    audit.append(
        new AuditEntry(
            "run:r-1#COMPLETED",
            T0.toEpochMilli(),
            "paved",
            "run.completed",
            "run:r-1",
            Map.of("template", "java-service")));
    assertThat(stored()).as("one notification, for the entry that asks for approval").isEqualTo(1);

    assertThat(sender.sendDue()).isEqualTo(1);
    RecordedRequest request = taken();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getTarget()).isEqualTo("/hooks/T01/B02/xyz?token=abc");
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(request.getHeaders().get("X-Paved-Event-Id")).isEqualTo(entry.eventId());
    String body = request.getBody().string(StandardCharsets.UTF_8);
    assertThat(request.getHeaders().get("X-Paved-Signature")).isEqualTo("sha256=" + hmac(body));
    JsonNode json = JSON.readTree(body);
    assertThat(json.path("text").asText())
        .isEqualTo(
            "Run r-0123456789abcdef of java-service for team-payments/ledger, requested by alice,"
                + " needs approval from team-payments or platform: Create ledger for team-payments"
                + " in production?");
    assertThat(json.path("event").asText()).isEqualTo("run.waiting_approval");
    assertThat(json.path("subject").asText()).isEqualTo("run:r-0123456789abcdef");
    assertThat(json.path("actor").asText()).isEqualTo("paved");
    assertThat(json.path("occurredAt").asText()).isEqualTo("2026-11-28T10:00:00Z");
    assertThat(json.path("link").asText())
        .isEqualTo("https://paved.example.com/api/v1/runs/r-0123456789abcdef");
    assertThat(json.path("detail").path("serviceKey").asText()).isEqualTo("team-payments/ledger");
    assertThat(state(entry.eventId())).isEqualTo("DELIVERED");

    clock.advance(Duration.ofHours(1));
    assertThat(sender.sendDue()).as("a delivered notification is not sent again").isZero();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aServerErrorIsTriedAgainAfterTheBackoffAndDeliveredOnce(TestDatabase db) throws Exception {
    paved(db);
    server.enqueue(answer(500));
    server.enqueue(answer(200));
    AuditEntry entry = access("1", "access.break-glass", Map.of("notified", "team-payments,sre"));
    audit.append(entry);

    assertThat(sender.sendDue()).isEqualTo(1);
    String first = taken().getBody().string(StandardCharsets.UTF_8);
    assertThat(state(entry.eventId())).isEqualTo("PENDING");
    assertThat(sender.sendDue()).as("not due before its backoff").isZero();
    clock.advance(Duration.ofSeconds(9));
    assertThat(sender.sendDue()).as("not due before its backoff").isZero();
    clock.advance(Duration.ofSeconds(1));
    assertThat(sender.sendDue()).isEqualTo(1);
    assertThat(taken().getBody().string(StandardCharsets.UTF_8)).isEqualTo(first);
    assertThat(state(entry.eventId())).isEqualTo("DELIVERED");
    clock.advance(Duration.ofHours(1));
    assertThat(sender.sendDue()).isZero();
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(JSON.readTree(first).path("link").asText())
        .isEqualTo("https://paved.example.com/api/v1/access-requests/a-1");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aRefusalGivesUpAtOnceAndFailuresGiveUpAfterADay(TestDatabase db) {
    paved(db);
    server.enqueue(answer(400));
    AuditEntry refused = access("1", "access.review-overdue", Map.of("owner", "team-payments"));
    audit.append(refused);
    assertThat(sender.sendDue()).isEqualTo(1);
    assertThat(state(refused.eventId())).isEqualTo("GAVE_UP");

    server.enqueue(answer(503));
    server.enqueue(answer(429));
    AuditEntry failing = access("2", "access.break-glass", Map.of("notified", "sre"));
    audit.append(failing);
    assertThat(sender.sendDue()).isEqualTo(1);
    clock.advance(Duration.ofHours(24));
    assertThat(sender.sendDue()).isEqualTo(1);
    assertThat(state(failing.eventId())).isEqualTo("GAVE_UP");

    clock.advance(Duration.ofHours(24));
    assertThat(sender.sendDue()).isZero();
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aFailedConnectionIsTriedAgain(TestDatabase db) {
    // nothing listens on the discard port: the connection is refused, an I/O error
    paved(db, "http://127.0.0.1:9/hook", "");
    AuditEntry entry = access("1", "access.break-glass", Map.of("notified", "sre"));
    audit.append(entry);
    assertThat(sender.sendDue()).isEqualTo(1);
    assertThat(state(entry.eventId())).isEqualTo("PENDING");
    assertThat(jdbc.sql("select last_error from notification_outbox").query(String.class).single())
        .contains("ConnectException");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void onlyTheActionsThatAskSomeoneToActAreStored(TestDatabase db) {
    paved(db);
    Map<String, String> request =
        Map.of("service", "component:default/checkout", "role", "write", "breakGlass", "false");
    audit.append(access("1", "access.requested", request));
    audit.append(access("2", "access.approved", Map.of("comment", "ok")));
    audit.append(
        access(
            "3",
            "access.requested",
            Map.of("service", "component:default/checkout", "breakGlass", "true")));
    audit.append(access("4", "access.break-glass", Map.of("notified", "sre")));

    assertThat(jdbc.sql("select event_id from notification_outbox").query(String.class).list())
        .containsExactlyInAnyOrder("a-1#1", "a-1#4");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void twoSendersNeverClaimTheSameNotification(TestDatabase db) {
    paved(db);
    audit.append(access("1", "access.break-glass", Map.of("notified", "sre")));
    NotificationOutbox one = new NotificationOutbox(jdbc, clock, true, "http://x");
    NotificationOutbox other = new NotificationOutbox(jdbc, clock, true, "http://x");

    assertThat(one.claimDue(10, WebhookSender.LEASE)).hasSize(1);
    assertThat(other.claimDue(10, WebhookSender.LEASE)).isEmpty();
    clock.advance(WebhookSender.LEASE);
    assertThat(other.claimDue(10, WebhookSender.LEASE))
        .as("a claim whose sender stopped ends with its lease")
        .hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void withoutAWebhookNothingIsStoredOrSent(TestDatabase db) {
    paved(db, "", "");
    assertThat(audit.append(waitingApproval("r-1"))).isTrue();
    audit.append(access("1", "access.break-glass", Map.of("notified", "sre")));

    assertThat(stored()).isZero();
    assertThat(sender.sendDue()).isZero();
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void theBackoffDoublesFromTenSecondsUpToFifteenMinutes() {
    assertThat(WebhookSender.backoff(1)).isEqualTo(Duration.ofSeconds(10));
    assertThat(WebhookSender.backoff(2)).isEqualTo(Duration.ofSeconds(20));
    assertThat(WebhookSender.backoff(5)).isEqualTo(Duration.ofSeconds(160));
    assertThat(WebhookSender.backoff(8)).isEqualTo(Duration.ofMinutes(15));
    assertThat(WebhookSender.backoff(500)).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void theSettingsNeverShowTheSecretOrTheWebhooksPathAndQuery() {
    NotificationProperties properties =
        new NotificationProperties(
            "https://hooks.example.com/services/T01/B02/tok?key=k1", SECRET, Duration.ofSeconds(5));
    assertThat(properties.toString())
        .contains("https://hooks.example.com")
        .doesNotContain(SECRET, "T01", "tok", "k1");
    assertThat(properties.safeWebhook()).isEqualTo("https://hooks.example.com:443");
    assertThatThrownBy(
            () -> new NotificationProperties("ftp://hooks.example.com/T01", "", Duration.ZERO))
        .hasMessageContaining("PAVED_NOTIFY_WEBHOOK_URL")
        .hasMessageNotContaining("T01");
  }

  private static String hmac(String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }
}
