package dev.paved.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who may call what, over real HTTP with the sample users; and a run records who asked. */
class SignInTest extends EndToEndTest {

  private int runCount() {
    return get("/api/v1/runs?limit=500").body().path("items").size();
  }

  @Test
  void withoutCredentialsTheApiAnswers401WithABasicChallengeAndStartsNothing() {
    int before = runCount();

    Answer answer =
        anonymous()
            .postRun(
                "failing-after-repository", Map.of("name", "nobody", "owner", "team-x"), Map.of());

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(anonymous().get("/api/v1/runs").status()).isEqualTo(401);
    assertThat(anonymous().get("/api/v1/access-requests").status()).isEqualTo(401);
    assertThat(runCount()).isEqualTo(before);
  }

  @Test
  void aWrongPasswordIs401() {
    assertThat(as("alice").get("/api/v1/runs").status()).isEqualTo(200);
    Answer wrong = as("alice", "not-alice").get("/api/v1/runs");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.contentType()).startsWith("application/problem+json");
    assertThat(wrong.body().toString()).doesNotContain("not-alice");
  }

  @Test
  void healthAndTheOpenApiDocumentStayOpen() {
    assertThat(anonymous().get("/actuator/health").status()).isEqualTo(200);
    assertThat(anonymous().get("/actuator/health/liveness").status()).isEqualTo(200);
    assertThat(anonymous().get("/actuator/health/readiness").status()).isEqualTo(200);
    assertThat(anonymous().get("/api/v1/openapi").status()).isEqualTo(200);
  }

  @Test
  void healthShowsItsComponentsToThePlatformGroupOnly() {
    JsonNode anonymous = anonymous().get("/actuator/health").body();
    assertThat(anonymous.path("status").asText()).isEqualTo("UP");
    assertThat(anonymous.has("components")).as(anonymous.toString()).isFalse();
    assertThat(anonymous().get("/actuator/health/db").status()).isEqualTo(404);
    assertThat(as("alice").get("/actuator/health").body().has("components")).isFalse();
    JsonNode platform = as("pat").get("/actuator/health").body();
    assertThat(platform.path("components").path("db").path("details").path("database").asText())
        .isNotBlank();
  }

  @Test
  void aTeamMemberStartsTheirTeamsRunAndItRecordsThem() throws Exception {
    JsonNode started =
        as("alice")
            .startRun(
                "failing-after-repository", Map.of("name", "alices", "owner", "team-payments"));

    assertThat(started.path("requestedBy").asText()).isEqualTo("alice");
    JsonNode run = awaitEnd(started.path("id").asText());
    JsonNode audit =
        as("audrey").get("/api/v1/audit?subject=run:" + run.path("id").asText()).body();
    assertThat(audit.path("items"))
        .extracting(e -> e.path("action").asText() + " by " + e.path("actor").asText())
        .containsExactly("run.rolled_back by paved", "run.requested by alice");
  }

  @Test
  void anOutsiderIsRefused403AndNothingIsClaimed() throws Exception {
    int before = runCount();

    Answer refused =
        as("carol")
            .postRun(
                "failing-after-repository",
                Map.of("name", "notcarols", "owner", "team-payments"),
                Map.of());

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.body().path("detail").asText()).contains("team-payments");
    assertThat(runCount()).isEqualTo(before);
    // the name was not claimed: its team can still use it
    JsonNode started =
        as("bob")
            .startRun(
                "failing-after-repository", Map.of("name", "notcarols", "owner", "team-payments"));
    awaitEnd(started.path("id").asText());
  }
}
