package dev.paved.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paved.activities.secrets.SecretStore;
import dev.paved.api.templates.TemplateRegistry;
import dev.paved.workflows.goldenpath.GoldenPathWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A template in a real git repository is edited while a run of it is in flight: the run finishes on
 * the version it started with (its skeleton read from that version's snapshot), its replay passes,
 * and the next run gets the new version.
 */
class TemplatePinningTest extends EndToEndTest {

  private static final String TEMPLATE = "pinned-by-git";

  @Autowired TemplateRegistry registry;
  @Autowired SecretStore secretStore;
  @Autowired WorkflowClient workflowClient;

  @Test
  void anEditDuringARunChangesNeitherTheRunNorItsReplayOnlyTheNextRun() throws Exception {
    String before = get("/api/v1/templates/" + TEMPLATE).body().path("version").asText();
    String first;
    // The local secret store serves one call at a time: holding its lock holds the run's first
    // step, so the edit lands while the run is in flight and before it fetches the skeleton.
    synchronized (secretStore) {
      first =
          startRun(TEMPLATE, Map.of("name", "pinned-first", "owner", "team-pin"))
              .path("id")
              .asText();
      awaitStepRunning(first, "hold");
      TemplateRepository.commit(
          templateRepo,
          Map.of("templates/" + TEMPLATE + "/skeleton/VERSION.txt", "two ${{ values.name }}\n"),
          "A new skeleton while a run is in flight");
      assertThat(registry.refresh(false)).isTrue();
      assertThat(get("/api/v1/templates/" + TEMPLATE).body().path("version").asText())
          .isNotEqualTo(before);
    }

    JsonNode firstRun = awaitEnd(first);
    assertThat(firstRun.path("status").asText()).as(firstRun.toString()).isEqualTo("COMPLETED");
    assertThat(firstRun.path("templateVersion").asText()).isEqualTo(before);
    assertThat(versionFile(firstRun)).isEqualTo("one pinned-first");

    JsonNode secondRun =
        awaitEnd(
            startRun(TEMPLATE, Map.of("name", "pinned-second", "owner", "team-pin"))
                .path("id")
                .asText());
    assertThat(secondRun.path("status").asText()).isEqualTo("COMPLETED");
    assertThat(secondRun.path("templateVersion").asText()).isNotEqualTo(before);
    assertThat(versionFile(secondRun)).isEqualTo("two pinned-second");

    // The first run's history replays on the current code, and the snapshot it names is intact.
    WorkflowExecutionHistory history = workflowClient.fetchHistory("service:team-pin/pinned-first");
    WorkflowReplayer.replayWorkflowExecution(history, GoldenPathWorkflowImpl.class);
    Path snapshot = Path.of(templateLocation(history));
    assertThat(snapshot).startsWith(dataDir.resolve("template-versions"));
    assertThat(snapshot.resolve("skeleton/VERSION.txt")).hasContent("one ${{ values.name }}");
  }

  private void awaitStepRunning(String runId, String step) {
    // a bound on waiting for the worker to pick the step up, not an assertion on its speed
    awaitAnswer("/api/v1/runs/" + runId, run -> stepStatus(run, step).equals("RUNNING"));
  }

  private static String stepStatus(JsonNode run, String step) {
    for (JsonNode s : run.path("steps")) {
      if (s.path("id").asText().equals(step)) {
        return s.path("status").asText();
      }
    }
    return "";
  }

  private static String versionFile(JsonNode run) throws Exception {
    Path clone = Files.createTempDirectory("pinned");
    String url = run.path("output").path("links").get(0).path("url").asText();
    Git.cloneRepository().setURI(url).setDirectory(clone.toFile()).call().close();
    return Files.readString(clone.resolve("VERSION.txt")).trim();
  }

  /** The template location frozen into the run's input, as the workflow history holds it. */
  private static String templateLocation(WorkflowExecutionHistory history) throws Exception {
    String input =
        history
            .getHistory()
            .getEvents(0)
            .getWorkflowExecutionStartedEventAttributes()
            .getInput()
            .getPayloads(0)
            .getData()
            .toStringUtf8();
    return JSON.readTree(input).path("template").path("location").asText();
  }
}
