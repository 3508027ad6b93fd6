package dev.paved.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.api.scorecards.Waivers;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Waivers over real HTTP on Paved's local mode (embedded Temporal, H2): the owning team asks, the
 * platform team decides through the waiver's workflow, never the requester nor a non-approver; the
 * inbox shows it to its approvers; evaluation sees it only before its expiry; every refusal is a
 * problem and starts nothing.
 */
class ScorecardWaiversTest extends EndToEndTest {

  static final String WAIVERS = "/api/v1/scorecards/production-readiness/waivers";

  @TestConfiguration
  static class Evaluation {
    @Bean
    @Primary
    FakeScores fakeScores() {
      return new FakeScores();
    }
  }

  @DynamicPropertySource
  static void notifications(DynamicPropertyRegistry registry) {
    // an address nothing listens on: the outbox keeps what it would send, which the test reads
    registry.add("paved.notifications.webhook-url", () -> "http://127.0.0.1:9/hooks");
    registry.add("paved.notifications.poll-interval", () -> "1h");
  }

  @Autowired JdbcClient jdbc;
  @Autowired Waivers waivers;
  @Autowired WorkflowClient temporal;

  @BeforeEach
  void servicesInTheCatalog() {
    AccessRequestsTest.serviceInTheCatalog(jdbc, "ledger", "team-payments");
    AccessRequestsTest.serviceInTheCatalog(jdbc, "catalogue", "team-search");
  }

  static Map<String, Object> waiver(String entity, String rule, String reason, Instant expiresAt) {
    Map<String, Object> body = new HashMap<>();
    body.put("entity", entity);
    body.put("rule", rule);
    if (reason != null) {
      body.put("reason", reason);
    }
    body.put("expiresAt", expiresAt.toString());
    return body;
  }

  static Instant inDays(int days) {
    return Instant.now().plus(Duration.ofDays(days));
  }

  @Test
  void theOwnerAsksThePlatformApprovesNeverTheRequesterNorANonApprover() {
    Instant expiresAt = inDays(30);
    Answer asked =
        as("alice")
            .post(
                WAIVERS,
                waiver("component:default/ledger", "readme-runbook", "wiki move", expiresAt));
    assertThat(asked.status()).as(asked.body().toString()).isEqualTo(202);
    String id = asked.body().path("id").asText();
    assertThat(asked.body().path("status").asText()).isEqualTo("PENDING");
    assertThat(asked.body().path("owner").asText()).isEqualTo("team-payments");
    assertThat(asked.body().path("approvers").toString()).isEqualTo("[\"platform\"]");
    assertThat(waivers.active(FakeScores.SCORECARD, "readme-runbook", ledger(), Instant.now()))
        .isEmpty();

    assertThat(as("pat").get("/api/v1/approvals").body().path("items"))
        .anySatisfy(
            item -> {
              assertThat(item.path("id").asText()).isEqualTo(id);
              assertThat(item.path("kind").asText()).isEqualTo("scorecard-waiver");
            });
    assertThat(as("alice").get("/api/v1/approvals").body().path("items"))
        .extracting(i -> i.path("id").asText())
        .doesNotContain(id);
    assertThat(as("bob").get("/api/v1/approvals").body().path("items"))
        .extracting(i -> i.path("id").asText())
        .doesNotContain(id);

    String decision = "/api/v1/scorecards/waivers/" + id + "/decision";
    Answer own = as("alice").post(decision, Map.of("approve", true, "comment", "mine"));
    assertThat(own.status()).isEqualTo(403);
    assertThat(own.contentType()).startsWith("application/problem+json");
    assertThat(own.body().path("detail").asText()).contains("your own request");
    Answer teammate = as("bob").post(decision, Map.of("approve", true));
    assertThat(teammate.status()).isEqualTo(403);
    assertThat(teammate.body().path("detail").asText()).contains("not an approver");
    assertThat(as("pat").post(decision, Map.of("comment", "no verdict")).status()).isEqualTo(400);

    Answer approved = as("pat").post(decision, Map.of("approve", true, "comment", "until Q3"));
    assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
    assertThat(approved.body().path("status").asText()).isEqualTo("APPROVED");
    assertThat(approved.body().path("decidedBy").asText()).isEqualTo("pat");
    Answer again = as("petra").post(decision, Map.of("approve", false));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.contentType()).startsWith("application/problem+json");

    assertThat(waivers.active(FakeScores.SCORECARD, "readme-runbook", ledger(), Instant.now()))
        .hasValueSatisfying(
            w -> {
              assertThat(w.id()).isEqualTo(id);
              assertThat(w.requestedBy()).isEqualTo("alice");
              assertThat(w.approvedBy()).isEqualTo("pat");
            });
    assertThat(waivers.active(FakeScores.SCORECARD, "coverage", ledger(), Instant.now())).isEmpty();
    assertThat(
            waivers.active(
                FakeScores.SCORECARD, "readme-runbook", ledger(), expiresAt.plusSeconds(1)))
        .isEmpty();

    assertThat(get(WAIVERS + "?status=APPROVED").body().path("items"))
        .extracting(i -> i.path("id").asText())
        .contains(id);
    assertThat(get(WAIVERS + "?status=PENDING").body().path("items"))
        .extracting(i -> i.path("id").asText())
        .doesNotContain(id);
    assertThat(audit(id))
        .containsExactly("scorecard.waiver.requested", "scorecard.waiver.approved");
    assertThat(
            jdbc.sql("select count(*) from notification_outbox where event_id = ?")
                .param(id + "#1")
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    // only the approval entered the workflow's history; the refused decisions never did
    assertThat(
            temporal.fetchHistory("scorecard-waiver:" + id).getEvents().stream()
                .filter(
                    e ->
                        e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED)
                .count())
        .isEqualTo(1);
  }

  @Test
  void anExpiredWaiverStopsCounting() {
    Answer asked =
        as("bob").post(WAIVERS, waiver("ledger", "coverage", "legacy module", inDays(10)));
    assertThat(asked.status()).as(asked.body().toString()).isEqualTo(202);
    String id = asked.body().path("id").asText();
    Answer approved =
        as("petra")
            .post("/api/v1/scorecards/waivers/" + id + "/approval", Map.of("decision", "approve"));
    assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
    assertThat(waivers.active(FakeScores.SCORECARD, "coverage", ledger(), Instant.now()))
        .isPresent();

    // the expiry passes (its workflow's timer is proven on the test server: WaiverWorkflowTest)
    jdbc.sql("update scorecard_waivers set expires_at = ? where id = ?")
        .params(Timestamp.from(Instant.now().minusSeconds(1)), id)
        .update();
    assertThat(waivers.active(FakeScores.SCORECARD, "coverage", ledger(), Instant.now())).isEmpty();
    assertThat(get("/api/v1/scorecards/waivers/" + id).body().path("status").asText())
        .isEqualTo("EXPIRED");
    assertThat(get(WAIVERS + "?status=EXPIRED").body().path("items"))
        .extracting(i -> i.path("id").asText())
        .contains(id);
  }

  @Test
  void aRejectedWaiverNeverCounts() {
    String id =
        as("alice")
            .post(WAIVERS, waiver("ledger", "oncall", "no pager yet", inDays(20)))
            .body()
            .path("id")
            .asText();
    Answer rejected =
        as("pat")
            .post(
                "/api/v1/scorecards/waivers/" + id + "/decision",
                Map.of("approve", false, "comment", "get a rotation"));
    assertThat(rejected.status()).as(rejected.body().toString()).isEqualTo(200);
    assertThat(rejected.body().path("status").asText()).isEqualTo("REJECTED");
    assertThat(waivers.active(FakeScores.SCORECARD, "oncall", ledger(), Instant.now())).isEmpty();
    Answer again =
        as("petra")
            .post("/api/v1/scorecards/waivers/" + id + "/approval", Map.of("decision", "approve"));
    assertThat(again.status()).as(again.body().toString()).isEqualTo(409);
    assertThat(again.contentType()).startsWith("application/problem+json");
    assertThat(audit(id))
        .containsExactly("scorecard.waiver.requested", "scorecard.waiver.rejected");
  }

  @Test
  void badRequestsAreProblemsAndStartNothing() {
    int before = waiverRows();
    assertProblem(
        as("alice").post(WAIVERS, waiver("ledger", "no-such-rule", "why", inDays(5))),
        400,
        "no rule 'no-such-rule'");
    assertProblem(
        as("alice").post(WAIVERS, waiver("ledger", "coverage", "why", inDays(-1))),
        400,
        "in the future");
    assertProblem(
        as("alice").post(WAIVERS, waiver("ledger", "coverage", "why", inDays(181))),
        400,
        "at most 180 days");
    assertProblem(
        as("alice").post(WAIVERS, waiver("ledger", "coverage", null, inDays(5))), 400, "reason");
    assertProblem(
        as("alice").post(WAIVERS, waiver("ledger", "coverage", "  ", inDays(5))), 400, "reason");
    assertProblem(
        as("alice")
            .post(
                "/api/v1/scorecards/no-such/waivers", waiver("ledger", "coverage", "w", inDays(5))),
        404,
        "no scorecard");
    assertProblem(
        as("alice").post(WAIVERS, waiver("component:default/ghost", "coverage", "w", inDays(5))),
        404,
        "not in the catalog");
    // carol of team-search does not own the ledger
    assertProblem(
        as("carol").post(WAIVERS, waiver("ledger", "coverage", "w", inDays(5))), 403, "owning");
    assertProblem(
        as("pat").post("/api/v1/scorecards/waivers/w-0000/decision", Map.of("approve", true)),
        404,
        "no waiver");
    assertProblem(get(WAIVERS + "?status=SOMETIMES"), 400, "status");
    assertThat(waiverRows()).isEqualTo(before);
  }

  private static void assertProblem(Answer answer, int status, String says) {
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(status);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.body().toString()).containsIgnoringCase(says);
  }

  private int waiverRows() {
    return jdbc.sql("select count(*) from scorecard_waivers").query(Integer.class).single();
  }

  private List<String> audit(String id) {
    return jdbc.sql("select action from audit_events where subject = ? order by event_id")
        .param("scorecard-waiver:" + id)
        .query(String.class)
        .list();
  }

  private static String ledger() {
    return "component:default/ledger";
  }
}
