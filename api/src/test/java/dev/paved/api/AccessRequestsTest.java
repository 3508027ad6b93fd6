package dev.paved.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Production access over real HTTP on Paved's local mode: request, approval (never one's own),
 * grant, revoke, break-glass and its review, the audit trail, and every refusal before anything
 * starts.
 */
class AccessRequestsTest extends EndToEndTest {

  @Autowired JdbcClient jdbc;

  @BeforeEach
  void ledgerInTheCatalog() {
    ledgerInTheCatalog(jdbc);
  }

  /** The ledger service, owned by team-payments, as a run would have registered it. */
  static void ledgerInTheCatalog(JdbcClient jdbc) {
    serviceInTheCatalog(jdbc, "ledger", "team-payments");
  }

  /** A component {@code name} owned by {@code team}, as a run would have registered it. */
  static void serviceInTheCatalog(JdbcClient jdbc, String name, String team) {
    if (jdbc.sql("select count(*) from catalog_entities where name = ?")
            .param(name)
            .query(Integer.class)
            .single()
        > 0) {
      return;
    }
    String owner = "group:default/" + team;
    jdbc.sql(
            "insert into catalog_entities (kind, namespace, name, owner, entity, service_key,"
                + " run_id, created_at, updated_at) values ('component', 'default', ?, ?, ?, ?,"
                + " 'r-test', current_timestamp, current_timestamp)")
        .params(
            name,
            owner,
            "{\"apiVersion\":\"backstage.io/v1alpha1\",\"kind\":\"Component\",\"metadata\":"
                + "{\"name\":\""
                + name
                + "\",\"namespace\":\"default\"},\"spec\":{\"owner\":\""
                + owner
                + "\"}}",
            team + "/" + name)
        .update();
  }

  static Map<String, Object> request(String role, String duration) {
    Map<String, Object> body = new HashMap<>();
    body.put("service", "component:default/ledger");
    body.put("environment", "production");
    body.put("role", role);
    body.put("reason", "INC-4711: payments stuck");
    body.put("duration", duration);
    return body;
  }

  private static Map<String, Object> decision(String decision, String comment) {
    return Map.of("decision", decision, "comment", comment);
  }

  @Test
  void requestApproveGrantRevokeAndTheirAudit() throws Exception {
    Answer asked = as("alice").post("/api/v1/access-requests", request("read", "PT1H"));
    assertThat(asked.status()).as(asked.body().toString()).isEqualTo(202);
    String id = asked.body().path("id").asText();
    assertThat(asked.body().path("status").asText()).isEqualTo("PENDING");
    assertThat(asked.body().path("requestedBy").asText()).isEqualTo("alice");
    assertThat(asked.body().path("approvers").path("groups").toString())
        .isEqualTo("[\"team-payments\",\"sre\"]");

    assertThat(as("bob").get("/api/v1/approvals?pending=true").body().path("items"))
        .extracting(i -> i.path("id").asText())
        .contains(id);
    assertThat(as("alice").get("/api/v1/approvals").body().path("items"))
        .extracting(i -> i.path("id").asText())
        .doesNotContain(id);
    assertThat(as("carol").get("/api/v1/approvals").body().path("items"))
        .extracting(i -> i.path("id").asText())
        .doesNotContain(id);

    String approval = "/api/v1/access-requests/" + id + "/approval";
    Answer own = as("alice").post(approval, decision("approve", "me"));
    assertThat(own.status()).isEqualTo(403);
    assertThat(own.contentType()).startsWith("application/problem+json");
    assertThat(own.body().path("detail").asText()).contains("your own request");
    // carol may not see the request: she is answered as GET answers her, 404, told nothing of it
    Answer outsider = as("carol").post(approval, decision("approve", "sure"));
    assertThat(outsider.status()).isEqualTo(404);
    Answer seen = as("carol").get("/api/v1/access-requests/" + id);
    assertThat(outsider.body().path("detail")).isEqualTo(seen.body().path("detail"));
    assertThat(outsider.body().path("type")).isEqualTo(seen.body().path("type"));
    assertThat(outsider.body().toString()).doesNotContain("team-payments", "sre", "PENDING");
    assertThat(as("bob").post(approval, decision("maybe", "")).status()).isEqualTo(400);

    Answer approved = as("bob").post(approval, decision("approve", "go ahead"));
    assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
    assertThat(approved.body().path("status").asText()).isEqualTo("ACTIVE");
    assertThat(approved.body().path("decisions").get(0).path("by").asText()).isEqualTo("bob");
    assertThat(approved.body().path("expiresAt").isNull()).isFalse();
    Answer again = as("sam").post(approval, decision("approve", "late"));
    assertThat(again.status()).isEqualTo(409);
    assertThat(dataDir.resolve("access-grants/" + id + ".json")).exists();

    String revoke = "/api/v1/access-requests/" + id + "/revoke";
    Answer hidden = as("carol").post(revoke, Map.of());
    assertThat(hidden.status()).isEqualTo(404);
    assertThat(hidden.body().toString()).doesNotContain("ACTIVE", "team-payments");
    Answer revoked = as("alice").post(revoke, Map.of("comment", "fixed"));
    assertThat(revoked.status()).isEqualTo(200);
    assertThat(revoked.body().path("status").asText()).isEqualTo("REVOKED");
    assertThat(revoked.body().path("endedBy").asText()).isEqualTo("alice");
    assertThat(Files.readString(dataDir.resolve("access-grants/" + id + ".json")))
        .containsPattern("\"revokedAt\" : \"\\d{4}-");
    assertThat(as("alice").post(revoke, Map.of()).status()).isEqualTo(409);

    assertThat(as("alice").get("/api/v1/access-requests?mine=true").body().path("items"))
        .extracting(i -> i.path("id").asText())
        .contains(id);
    assertThat(as("bob").get("/api/v1/access-requests?mine=true").body().path("items"))
        .extracting(i -> i.path("id").asText())
        .doesNotContain(id);
    assertThat(get("/api/v1/access-requests?status=REVOKED").body().path("items"))
        .extracting(i -> i.path("id").asText())
        .contains(id);

    assertThat(as("alice").get("/api/v1/audit").status()).isEqualTo(403);
    JsonNode audit =
        as("audrey").get("/api/v1/audit?subject=access-request:" + id).body().path("items");
    assertThat(audit)
        .extracting(e -> e.path("action").asText() + " by " + e.path("actor").asText())
        .containsExactly(
            "access.revoked by alice",
            "access.granted by paved",
            "access.approved by bob",
            "access.requested by alice");
    assertThat(audit.get(2).path("detail").path("comment").asText()).isEqualTo("go ahead");
    assertThat(as("pat").get("/api/v1/audit?actor=bob").body().path("items"))
        .extracting(e -> e.path("subject").asText())
        .contains("access-request:" + id);
  }

  @Test
  void requestsBeyondPolicyAreRefusedWithTheReasonAndStartNothing() {
    int requests = get("/api/v1/access-requests?limit=500").body().path("items").size();
    int audit = get("/api/v1/audit?limit=1000").body().path("items").size();

    Answer tooLong = as("alice").post("/api/v1/access-requests", request("admin", "PT4H"));
    assertThat(tooLong.status()).isEqualTo(422);
    assertThat(tooLong.contentType()).startsWith("application/problem+json");
    assertThat(tooLong.body().path("detail").asText()).contains("at most PT2H");
    Map<String, Object> unknown = request("read", "PT1H");
    unknown.put("service", "component:default/nowhere");
    Answer notInCatalog = as("alice").post("/api/v1/access-requests", unknown);
    assertThat(notInCatalog.status()).isEqualTo(422);
    assertThat(notInCatalog.body().path("detail").asText()).contains("not in the catalog");
    assertThat(as("alice").post("/api/v1/access-requests", request("root", "PT1H")).status())
        .isEqualTo(400);
    assertThat(as("alice").post("/api/v1/access-requests", request("read", "4 hours")).status())
        .isEqualTo(400);
    Map<String, Object> breakGlass = request("write", "PT1H");
    breakGlass.put("breakGlass", true);
    Answer notOnCall = as("alice").post("/api/v1/access-requests", breakGlass);
    assertThat(notOnCall.status()).isEqualTo(403);
    assertThat(notOnCall.body().path("detail").asText()).contains("on-call");
    assertThat(anonymous().post("/api/v1/access-requests", request("read", "PT1H")).status())
        .isEqualTo(401);

    assertThat(get("/api/v1/access-requests?limit=500").body().path("items").size())
        .isEqualTo(requests);
    assertThat(get("/api/v1/audit?limit=1000").body().path("items").size()).isEqualTo(audit);
  }

  @Test
  void breakGlassGrantsAtOnceAndTheOwningTeamAcknowledges() throws Exception {
    Map<String, Object> body = request("write", "PT1H");
    body.put("breakGlass", true);

    Answer asked = as("sam").post("/api/v1/access-requests", body);
    assertThat(asked.status()).as(asked.body().toString()).isEqualTo(202);
    // the answer shows the grant as made, not the request a moment before it
    assertThat(asked.body().path("status").asText()).isEqualTo("ACTIVE");
    String id = asked.body().path("id").asText();
    JsonNode active = awaitAccessStatus(id, "ACTIVE");

    assertThat(active.path("decisions")).isEmpty();
    assertThat(active.path("reviewDueAt").isNull()).isFalse();
    assertThat(active.path("reviewOverdue").asBoolean()).isFalse();
    JsonNode audit =
        as("pat").get("/api/v1/audit?subject=access-request:" + id).body().path("items");
    assertThat(audit)
        .anySatisfy(
            e -> {
              assertThat(e.path("action").asText()).isEqualTo("access.break-glass");
              assertThat(e.path("detail").path("notified").asText()).isEqualTo("team-payments,sre");
            });
    String acknowledge = "/api/v1/access-requests/" + id + "/acknowledge";
    assertThat(as("sam").post(acknowledge, Map.of()).status()).isEqualTo(403);
    Answer acknowledged = as("bob").post(acknowledge, Map.of("comment", "needed, fine"));
    assertThat(acknowledged.status()).isEqualTo(200);
    assertThat(acknowledged.body().path("acknowledgedBy").asText()).isEqualTo("bob");

    Answer revoked = as("sam").post("/api/v1/access-requests/" + id + "/revoke", Map.of());
    assertThat(revoked.body().path("status").asText()).isEqualTo("REVOKED");
  }

  @Test
  void theRequesterCancelsAWaitingRequest() {
    String id =
        as("alice")
            .post("/api/v1/access-requests", request("write", "PT2H"))
            .body()
            .path("id")
            .asText();

    assertThat(as("bob").post("/api/v1/access-requests/" + id + "/cancel", Map.of()).status())
        .isEqualTo(403);
    Answer cancelled = as("alice").post("/api/v1/access-requests/" + id + "/cancel", Map.of());

    assertThat(cancelled.status()).isEqualTo(200);
    assertThat(cancelled.body().path("status").asText()).isEqualTo("CANCELLED");
    assertThat(as("bob").get("/api/v1/approvals").body().path("items"))
        .extracting(i -> i.path("id").asText())
        .doesNotContain(id);
    assertThat(
            as("bob")
                .post("/api/v1/access-requests/" + id + "/approval", decision("approve", ""))
                .status())
        .isEqualTo(409);
    assertThat(get("/api/v1/access-requests/a-0000000000000000").status()).isEqualTo(404);
  }
}
