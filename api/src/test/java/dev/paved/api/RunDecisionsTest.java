package dev.paved.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;

/**
 * A run whose step keeps failing pauses (the template says nothing, so {@code onFailure: pause});
 * an operator fixes the cause and retries, or rolls back, cancels, re-runs. Decisions that do not
 * fit the run's state are refused with 409 problem+json.
 */
class RunDecisionsTest extends EndToEndTest {

  static final String TEMPLATE = "pauses-on-register";
  static final String OWNER = "team-ops";

  @Test
  void aStepThatKeepsFailingPausesAndARetryAfterTheFileIsCreatedFinishesTheRun() throws Exception {
    String id = startRun(TEMPLATE, Map.of("name", "mended", "owner", OWNER)).path("id").asText();

    JsonNode paused = awaitEnd(id);

    assertThat(paused.path("status").asText()).as(paused.toString()).isEqualTo("NEEDS_ATTENTION");
    assertThat(paused.path("failedStep").asText()).isEqualTo("register");
    assertThat(paused.path("error").asText())
        .contains("register", "catalog:register", "no file 'catalog-info.yaml'");
    JsonNode register = paused.path("steps").get(2);
    assertThat(register.path("status").asText()).isEqualTo("FAILED");
    assertThat(register.path("attempts").asInt()).isEqualTo(1);
    assertThat(register.path("errorType").asText()).isEqualTo("InvalidInput");
    assertThat(register.path("error").asText()).contains("no file 'catalog-info.yaml'");
    // pauseTimeout: P1D, counted from the failure
    assertThat(Instant.parse(paused.path("pausedUntil").asText()))
        .isAfter(Instant.parse(paused.path("createdAt").asText()).plus(Duration.ofDays(1)));
    assertThat(get("/api/v1/runs?status=NEEDS_ATTENTION").body().path("items"))
        .extracting(r -> r.path("id").asText())
        .contains(id);
    assertThat(repository("mended")).exists();

    // The cause is fixed: the entity file now exists in the repository the run made.
    pushCatalogInfo(paused.path("steps").get(1).path("output").path("remoteUrl").asText());
    Answer retry = post("/api/v1/runs/" + id + "/retry", Map.of(), Map.of());

    assertThat(retry.status()).as(retry.body().toString()).isEqualTo(202);
    assertThat(retry.body().path("status").asText()).isEqualTo("RUNNING");
    assertThat(retry.body().path("decisions").get(0).path("kind").asText()).isEqualTo("RETRY");
    JsonNode run = awaitEnd(id);
    assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("COMPLETED");
    assertThat(run.path("failedStep").isNull()).isTrue();
    for (int step = 0; step < 2; step++) {
      // fetch and publish were not redone: same start, one attempt
      JsonNode before = paused.path("steps").get(step);
      JsonNode after = run.path("steps").get(step);
      assertThat(after.path("status").asText()).isEqualTo("SUCCEEDED");
      assertThat(after.path("startedAt")).isEqualTo(before.path("startedAt"));
      assertThat(after.path("attempts").asInt()).isEqualTo(1);
    }
    assertThat(run.path("steps").get(2).path("status").asText()).isEqualTo("SUCCEEDED");
    JsonNode decision = run.path("decisions").get(0);
    assertThat(decision.path("kind").asText()).isEqualTo("RETRY");
    assertThat(decision.path("step").asText()).isEqualTo("register");
    assertThat(decision.path("by").asText()).isEqualTo("pat");
    assertThat(get("/api/v1/catalog/entities/component/default/mended").status()).isEqualTo(200);

    // An ended run takes no decision.
    for (String decisionPath : List.of("retry", "rollback", "cancel", "rerun")) {
      Answer refused = post("/api/v1/runs/" + id + "/" + decisionPath, Map.of(), Map.of());
      assertRefused(refused, "completed");
    }
  }

  @Test
  void aRetryWithACorrectedParameterIsCheckedAgainstTheFormAndFinishesTheRun() throws Exception {
    String id = startRun(TEMPLATE, Map.of("name", "corrected", "owner", OWNER)).path("id").asText();
    assertThat(awaitEnd(id).path("status").asText()).isEqualTo("NEEDS_ATTENTION");

    Answer badPath = retry(id, Map.of("catalogPath", "docs/entity.yaml"));
    assertThat(badPath.status()).isEqualTo(400);
    assertThat(badPath.contentType()).startsWith("application/problem+json");
    assertThat(badPath.body().path("errors"))
        .extracting(e -> e.path("field").asText())
        .containsExactly("catalogPath");
    Answer rename = retry(id, Map.of("name", "renamed"));
    assertThat(rename.status()).isEqualTo(400);
    assertThat(rename.body().path("errors"))
        .extracting(e -> e.path("field").asText())
        .containsExactly("name");
    assertThat(get("/api/v1/runs/" + id).body().path("status").asText())
        .isEqualTo("NEEDS_ATTENTION");

    Answer corrected = retry(id, Map.of("catalogPath", "/docs/entity.yaml"));
    assertThat(corrected.status()).as(corrected.body().toString()).isEqualTo(202);
    JsonNode run = awaitEnd(id);

    assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("COMPLETED");
    assertThat(run.path("parameters").path("catalogPath").asText()).isEqualTo("/docs/entity.yaml");
    assertThat(run.path("decisions").get(0).path("changedParameters"))
        .extracting(JsonNode::asText)
        .containsExactly("catalogPath");
    assertThat(run.path("steps").get(2).path("output").path("catalogInfoUrl").asText())
        .endsWith("/docs/entity.yaml");
    assertThat(get("/api/v1/catalog/entities/component/default/corrected").status()).isEqualTo(200);
  }

  @Test
  void aRollbackLeavesNothingBehindAndARerunStartsTheRunAgain() throws Exception {
    Map<String, Object> parameters = Map.of("name", "abandoned", "owner", OWNER);
    String id = startRun(TEMPLATE, parameters).path("id").asText();
    assertThat(awaitEnd(id).path("status").asText()).isEqualTo("NEEDS_ATTENTION");
    assertThat(repository("abandoned")).exists();
    assertRefused(post("/api/v1/runs/" + id + "/rerun", Map.of(), Map.of()), "in flight");

    Answer rollback = post("/api/v1/runs/" + id + "/rollback", Map.of(), Map.of());
    assertThat(rollback.status()).as(rollback.body().toString()).isEqualTo(202);
    // The decision is taken: a second one is refused, by the API or the workflow's validator.
    Answer again = post("/api/v1/runs/" + id + "/rollback", Map.of(), Map.of());
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.contentType()).startsWith("application/problem+json");
    JsonNode run = awaitEnd(id);

    assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("ROLLED_BACK");
    assertThat(run.path("steps").get(1).path("status").asText()).isEqualTo("COMPENSATED");
    assertThat(run.path("decisions").get(0).path("kind").asText()).isEqualTo("ROLLBACK");
    assertThat(repository("abandoned")).doesNotExist();
    assertThat(dataDir.resolve("workspaces").resolve(id)).doesNotExist();
    assertRefused(post("/api/v1/runs/" + id + "/retry", Map.of(), Map.of()), "/rerun");

    Answer rerun = post("/api/v1/runs/" + id + "/rerun", Map.of(), Map.of());
    assertThat(rerun.status()).as(rerun.body().toString()).isEqualTo(202);
    String rerunId = rerun.body().path("id").asText();
    assertThat(rerunId).isNotEqualTo(id);
    assertThat(rerun.body().path("rerunOf").asText()).isEqualTo(id);
    assertThat(rerun.body().path("templateVersion")).isEqualTo(run.path("templateVersion"));
    assertThat(rerun.body().path("parameters")).isEqualTo(run.path("parameters"));
    // Same plan, same cause: it pauses where the original did; cancelling it undoes it too.
    assertThat(awaitEnd(rerunId).path("failedStep").asText()).isEqualTo("register");
    assertThat(repository("abandoned")).exists();
    Answer cancel = post("/api/v1/runs/" + rerunId + "/cancel", Map.of(), Map.of());
    assertThat(cancel.status()).as(cancel.body().toString()).isIn(200, 202);
    assertThat(cancel.body().path("status").asText()).isIn("CANCELLED", "CANCELLING");
    assertThat(awaitEnd(rerunId).path("status").asText()).isEqualTo("CANCELLED");
    assertThat(repository("abandoned")).doesNotExist();
    // Both ends freed the name.
    String next = startRun(TEMPLATE, parameters).path("id").asText();
    assertThat(awaitEnd(next).path("status").asText()).isEqualTo("NEEDS_ATTENTION");
    post("/api/v1/runs/" + next + "/cancel", Map.of(), Map.of());
    assertThat(awaitEnd(next).path("status").asText()).isEqualTo("CANCELLED");
  }

  @Test
  void aDecisionOnAnUnknownRunAnswers404() {
    for (String decision : List.of("retry", "rollback", "cancel", "rerun")) {
      Answer answer = post("/api/v1/runs/r-nope/" + decision, Map.of(), Map.of());
      assertThat(answer.status()).as(decision).isEqualTo(404);
      assertThat(answer.contentType()).startsWith("application/problem+json");
    }
  }

  private Answer retry(String id, Map<String, Object> corrections) {
    return post(
        "/api/v1/runs/" + id + "/retry",
        Map.of("parameters", new HashMap<>(corrections)),
        Map.of());
  }

  private static void assertRefused(Answer answer, String reason) {
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(409);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.body().path("type").asText()).endsWith("/decision-refused");
    assertThat(answer.body().path("detail").asText()).contains(reason);
    // the problem's own status stays the HTTP status; the run's is beside it
    assertThat(answer.body().path("status").asInt()).isEqualTo(409);
    assertThat(answer.body().path("runStatus").asText()).isNotBlank();
  }

  private Path repository(String name) {
    return dataDir.resolve("git").resolve(OWNER).resolve(name + ".git");
  }

  /** What an operator does by hand: commits the missing entity file to the new repository. */
  private static void pushCatalogInfo(String remoteUrl) throws Exception {
    Path clone = Files.createTempDirectory("mended-clone");
    try (Git git = Git.cloneRepository().setURI(remoteUrl).setDirectory(clone.toFile()).call()) {
      Files.writeString(
          clone.resolve("catalog-info.yaml"),
          """
          apiVersion: backstage.io/v1alpha1
          kind: Component
          metadata:
            name: mended
          spec:
            type: service
            lifecycle: experimental
            owner: team-ops
          """);
      git.add().addFilepattern("catalog-info.yaml").call();
      git.commit().setMessage("Add the entity file").setAuthor("Ops", "ops@example.com").call();
      git.push().call();
    }
  }
}
