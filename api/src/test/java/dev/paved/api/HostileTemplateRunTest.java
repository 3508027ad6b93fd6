package dev.paved.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A template written to exhaust the host (test-templates/render-bomb: it resets the loop budget
 * that once lived in the render's context, then nests three loops of the form's size): the render
 * limits stop it in a dry run and in a real run, where the step fails for good and the run rolls
 * back, with no workflow task failed or retried on the way.
 */
class HostileTemplateRunTest extends EndToEndTest {

  @Autowired WorkflowClient workflowClient;

  private static Map<String, Object> bomb(String name) {
    return Map.of("name", name, "owner", "team-search", "size", 1000);
  }

  @Test
  void aDryRunOfARenderBombIsRefusedByTheRenderLimits() {
    Answer answer =
        post(
            "/api/v1/runs?dryRun=true",
            Map.of("template", "render-bomb", "parameters", bomb("dry-bomb")),
            Map.of());

    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
    JsonNode report = answer.body();
    assertThat(report.path("status").asText()).isEqualTo("FAILED");
    assertThat(report.path("failedStep").asText()).isEqualTo("bomb");
    assertThat(report.path("errorType").asText()).isEqualTo("InvalidInput");
    assertThat(report.path("error").asText())
        .contains("step 'bomb' input.message", "more than 100000 iterations in one render");
  }

  @Test
  void aNameWithATrailingNewlineFailsTheFormsPatternAndStartsNothing() {
    int runsBefore = get("/api/v1/runs?limit=500").body().path("items").size();

    Answer answer =
        post(
            "/api/v1/runs",
            Map.of(
                "template",
                "render-bomb",
                "parameters",
                Map.of("name", "fz-nl\n", "owner", "team-payments", "size", 1)),
            Map.of());

    assertThat(answer.status()).as(answer.body().toString()).isBetween(400, 499);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.body().toString()).contains("name");
    assertThat(get("/api/v1/runs?limit=500").body().path("items")).hasSize(runsBefore);
    assertThat(dataDir.resolve("git/team-payments")).doesNotExist();
  }

  @Test
  void refusedTemplatesAreNamedWithoutAFolderOfTheServer() {
    JsonNode refused = get("/api/v1/templates").body().path("refused");

    assertThat(refused).isNotEmpty();
    refused.forEach(
        template -> {
          assertThat(template.path("file").asText()).doesNotStartWith("/").doesNotContain(":\\");
          assertThat(template.toString()).doesNotContain(dataDir.getParent().toString());
        });
  }

  @Test
  void aRealRunOfARenderBombFailsTheStepForGoodAndRollsBack() {
    JsonNode started = startRun("render-bomb", bomb("boom"));

    JsonNode run = awaitEnd(started.path("id").asText());

    assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("ROLLED_BACK");
    assertThat(run.path("failedStep").asText()).isEqualTo("bomb");
    assertThat(run.path("error").asText()).contains("more than 100000 iterations");
    JsonNode bombStep = run.path("steps").get(2);
    assertThat(bombStep.path("status").asText()).isEqualTo("FAILED");
    assertThat(bombStep.path("errorType").asText()).isEqualTo("InvalidInput");
    assertThat(run.path("steps").get(1).path("status").asText()).isEqualTo("COMPENSATED");
    assertThat(dataDir.resolve("git/team-search/boom.git")).doesNotExist();

    List<EventType> events =
        workflowClient.fetchHistory("service:team-search/boom").getEvents().stream()
            .map(HistoryEvent::getEventType)
            .toList();
    assertThat(events)
        .doesNotContain(
            EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED,
            EventType.EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT);
  }
}
