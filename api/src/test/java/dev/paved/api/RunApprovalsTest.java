package dev.paved.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A production run of a shipped template over real HTTP: it waits at its approval step, the
 * requester's own approval and a stranger's are refused, a second person approves and it completes;
 * a rejection ends it before anything is made. Every decision is in the audit trail.
 */
class RunApprovalsTest extends EndToEndTest {

  private static final String DECISION_PATH = "/api/v1/runs/%s/approval";

  private JsonNode startProduction(String name) throws InterruptedException {
    Answer started =
        as("alice")
            .postRun(
                "java-service",
                Map.of(
                    "name", name,
                    "owner", "team-payments",
                    "description", "A production service",
                    "lifecycle", "production"),
                Map.of());
    assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
    JsonNode waiting = awaitEnd(started.body().path("id").asText());
    assertThat(waiting.path("status").asText())
        .as(waiting.toString())
        .isEqualTo("WAITING_APPROVAL");
    return waiting;
  }

  private static Map<String, Object> decision(String decision, String comment) {
    return Map.of("decision", decision, "comment", comment);
  }

  private List<String> pendingRunsFor(String user) {
    List<String> ids = new ArrayList<>();
    for (JsonNode item : as(user).get("/api/v1/approvals?pending=true").body().path("items")) {
      if ("run".equals(item.path("kind").asText())) {
        ids.add(item.path("id").asText());
      }
    }
    return ids;
  }

  @Test
  void aProductionRunWaitsForASecondPersonAndCompletesOnceApproved() throws Exception {
    JsonNode waiting = startProduction("approved-ledger");
    String id = waiting.path("id").asText();
    String approval = DECISION_PATH.formatted(id);

    JsonNode asked = waiting.path("approvals").get(0);
    assertThat(asked.path("outcome").asText()).isEqualTo("WAITING");
    assertThat(asked.path("approvers").toString()).isEqualTo("[\"team-payments\",\"platform\"]");
    assertThat(asked.path("message").asText())
        .isEqualTo("Create approved-ledger for team-payments in production?");
    assertThat(waiting.path("steps").get(0).path("status").asText()).isEqualTo("RUNNING");
    assertThat(waiting.path("steps").get(1).path("status").asText()).isEqualTo("PENDING");
    assertThat(dataDir.resolve("git/team-payments/approved-ledger.git")).doesNotExist();
    assertThat(pendingRunsFor("bob")).contains(id);
    assertThat(pendingRunsFor("pat")).contains(id);
    assertThat(pendingRunsFor("alice")).doesNotContain(id);
    assertThat(pendingRunsFor("carol")).doesNotContain(id);

    Answer own = as("alice").post(approval, decision("approve", "ship it"));
    assertThat(own.status()).isEqualTo(403);
    assertThat(own.contentType()).contains("application/problem+json");
    assertThat(own.body().path("detail").asText()).contains("your own request");
    Answer stranger = as("carol").post(approval, decision("approve", ""));
    assertThat(stranger.status()).isEqualTo(403);
    assertThat(stranger.body().path("detail").asText()).contains("not an approver");
    assertThat(as("bob").post(approval, decision("maybe", "")).status()).isEqualTo(400);
    assertThat(anonymous().post(approval, decision("approve", "")).status()).isEqualTo(401);
    assertThat(get("/api/v1/runs/" + id).body().path("approvals").get(0).path("decisions"))
        .isEmpty();

    Answer approved = as("bob").post(approval, decision("approve", "reviewed the sizing"));
    assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
    assertThat(approved.body().path("status").asText()).isNotEqualTo("WAITING_APPROVAL");

    JsonNode run = awaitEnd(id);
    assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("COMPLETED");
    assertThat(run.path("steps").get(0).path("output").path("approvedBy").toString())
        .isEqualTo("[\"bob\"]");
    assertThat(run.path("approvals").get(0).path("outcome").asText()).isEqualTo("APPROVED");
    assertThat(dataDir.resolve("git/team-payments/approved-ledger.git")).exists();
    Answer late = as("pat").post(approval, decision("approve", ""));
    assertThat(late.status()).isEqualTo(409);
    assertThat(pendingRunsFor("pat")).doesNotContain(id);

    List<String> audit = new ArrayList<>();
    for (JsonNode event :
        as("audrey").get("/api/v1/audit?subject=run:" + id).body().path("items")) {
      audit.add(0, event.path("actor").asText() + " " + event.path("action").asText());
    }
    assertThat(audit)
        .containsSubsequence(
            "alice run.requested",
            "paved run.waiting_approval",
            "bob run.approval.approved",
            "paved run.completed");
  }

  @Test
  void aRejectionEndsTheRunRejectedBeforeAnythingIsMadeAndFreesTheName() throws Exception {
    String id = startProduction("rejected-ledger").path("id").asText();

    Answer rejected =
        as("pat").post(DECISION_PATH.formatted(id), decision("reject", "use the shared ledger"));

    assertThat(rejected.status()).as(rejected.body().toString()).isEqualTo(200);
    JsonNode run = awaitEnd(id);
    assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("REJECTED");
    assertThat(run.path("error").asText()).contains("rejected by pat: use the shared ledger");
    assertThat(run.path("steps").get(1).path("status").asText()).isEqualTo("PENDING");
    assertThat(dataDir.resolve("git/team-payments/rejected-ledger.git")).doesNotExist();
    JsonNode audit =
        as("audrey").get("/api/v1/audit?subject=run:" + id + "&actor=pat").body().path("items");
    assertThat(audit.get(0).path("action").asText()).isEqualTo("run.approval.rejected");
    assertThat(audit.get(0).path("detail").path("comment").asText())
        .isEqualTo("use the shared ledger");

    // a rejected run made nothing: the name is free for a new request
    String again = startProduction("rejected-ledger").path("id").asText();
    assertThat(again).isNotEqualTo(id);
    // 200 once it has ended CANCELLED, 202 while it is still undoing
    assertThat(post("/api/v1/runs/" + again + "/cancel", Map.of(), Map.of()).status())
        .isIn(200, 202);
  }
}
