package dev.paved.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A cancel answers where the run is going, and a refusal names the action refused. */
class RunCancelAnswerTest extends EndToEndTest {

  @Test
  void cancellingAWaitingRunAnswersItsEndAndCarolIsToldWhatSheMayNotDo() throws Exception {
    Map<String, Object> production =
        Map.of("name", "cancel-answer-ledger", "owner", "team-payments", "lifecycle", "production");
    String id = as("alice").startRun("java-service", production).path("id").asText();
    assertThat(awaitEnd(id).path("status").asText()).isEqualTo("WAITING_APPROVAL");
    String cancel = "/api/v1/runs/" + id + "/cancel";

    Answer refused = as("carol").post(cancel, Map.of());
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.body().path("detail").asText())
        .isEqualTo(
            "carol is not a member of team-payments: only members of team-payments or the"
                + " platform team may cancel its runs");
    Answer rollback = as("carol").post("/api/v1/runs/" + id + "/rollback", Map.of());
    assertThat(rollback.body().path("detail").asText()).contains("may roll back its runs");

    Answer cancelled = as("bob").post(cancel, Map.of());

    // the run has ended (200, CANCELLED) or is on its way there (202, CANCELLING); never the
    // status it had before the cancel
    JsonNode run = cancelled.body();
    if (cancelled.status() == 200) {
      assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("CANCELLED");
    } else {
      assertThat(cancelled.status()).isEqualTo(202);
      assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("CANCELLING");
    }
    assertThat(run.path("decisions").toString()).contains("CANCEL", "bob");
    JsonNode end =
        awaitAnswer(
            "/api/v1/runs/" + id,
            r -> !List.of("RUNNING", "CANCELLING").contains(r.path("status").asText()));
    assertThat(end.path("status").asText()).isEqualTo("CANCELLED");
    assertThat(as("bob").post(cancel, Map.of()).status()).isEqualTo(409);
  }
}
