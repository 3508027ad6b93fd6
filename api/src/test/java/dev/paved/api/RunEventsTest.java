package dev.paved.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paved.activities.secrets.LocalSecretStore;
import dev.paved.activities.secrets.SecretStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A run's events as server-sent events, and its workflow history, over real HTTP. */
class RunEventsTest extends EndToEndTest {

  @Autowired SecretStore secretStore;

  record Event(String name, JsonNode data) {}

  @Test
  void theEventStreamFollowsARunStepByStepAndEndsWithIt() throws Exception {
    String runId =
        startRun("waits-mid-run", Map.of("name", "streamed", "owner", "team-sse", "waitSeconds", 5))
            .path("id")
            .asText();

    List<Event> events = events(runId);

    assertThat(events.get(0).name()).isEqualTo("run");
    assertThat(events.get(0).data().path("status").asText()).isEqualTo("RUNNING");
    Event last = events.get(events.size() - 1);
    assertThat(last.name()).isEqualTo("run");
    assertThat(last.data().path("status").asText()).isEqualTo("COMPLETED");
    // the wait lasts seconds: the stream saw it start, then succeed
    assertThat(stepStatuses(events, "wait")).containsSubsequence("RUNNING", "SUCCEEDED");
    for (String step : List.of("fetch", "publish", "secrets", "wait", "manifests", "gitops")) {
      List<String> statuses = stepStatuses(events, step);
      assertThat(statuses).as(step).isNotEmpty();
      assertThat(statuses.get(statuses.size() - 1)).as(step).isEqualTo("SUCCEEDED");
    }
    Event succeeded =
        events.stream()
            .filter(e -> e.name().equals("step"))
            .filter(e -> e.data().path("step").asText().equals("publish"))
            .filter(e -> e.data().path("status").asText().equals("SUCCEEDED"))
            .findFirst()
            .orElseThrow();
    assertThat(succeeded.data().path("attempt").asInt()).isEqualTo(1);
    assertThat(succeeded.data().has("error")).isTrue();

    // a stream opened after the end tells the whole story at once, then ends
    List<Event> replay = events(runId);
    assertThat(replay.get(0).data().path("status").asText()).isEqualTo("COMPLETED");
    assertThat(replay).filteredOn(e -> e.name().equals("step")).hasSize(6);
  }

  @Test
  void aFailedRunStreamsTheFailureAndTheUndo() throws Exception {
    String runId =
        startRun("failing-after-repository", Map.of("name", "undone", "owner", "team-sse"))
            .path("id")
            .asText();

    List<Event> events = events(runId);

    assertThat(stepStatuses(events, "register")).last().isEqualTo("FAILED");
    assertThat(stepStatuses(events, "publish")).last().isEqualTo("COMPENSATED");
    Event last = events.get(events.size() - 1);
    assertThat(last.data().path("status").asText()).isEqualTo("ROLLED_BACK");
    assertThat(last.data().path("failedStep").asText()).isEqualTo("register");
    assertThat(last.data().path("error").asText()).contains("no-such-file.yaml");
  }

  @Test
  void unknownRunsAnswer404ProblemJson() {
    Answer events = get("/api/v1/runs/r-nope/events");
    assertThat(events.status()).isEqualTo(404);
    assertThat(events.contentType()).startsWith("application/problem+json");
    Answer history = get("/api/v1/runs/r-nope/history");
    assertThat(history.status()).isEqualTo(404);
    assertThat(history.contentType()).startsWith("application/problem+json");
  }

  @Test
  void theHistoryIsTemporalsJsonAndHoldsNoSecret() throws Exception {
    String runId =
        startRun("waits-mid-run", Map.of("name", "historic", "owner", "team-sse", "waitSeconds", 0))
            .path("id")
            .asText();
    assertThat(awaitEnd(runId).path("status").asText()).isEqualTo("COMPLETED");

    Answer history = get("/api/v1/runs/" + runId + "/history");

    assertThat(history.status()).isEqualTo(200);
    assertThat(history.contentType()).startsWith("application/json");
    JsonNode events = history.body().path("events");
    assertThat(events.get(0).path("eventType").asText())
        .isEqualTo("EVENT_TYPE_WORKFLOW_EXECUTION_STARTED");
    assertThat(events)
        .filteredOn(e -> e.path("eventType").asText().equals("EVENT_TYPE_ACTIVITY_TASK_SCHEDULED"))
        .extracting(
            e -> e.path("activityTaskScheduledEventAttributes").path("activityType").path("name"))
        .extracting(JsonNode::asText)
        .contains("PublishGithub", "VaultSecrets", "DebugWait");
    String secretValue =
        ((LocalSecretStore) secretStore)
            .read("secret/team-sse/historic/development")
            .orElseThrow()
            .value("app-secret");
    String payloads = decodedPayloads(history.body());
    // the payloads hold the secret's path (so this search can find things) but never its value
    assertThat(payloads).contains("secret/team-sse/historic/development");
    assertThat(payloads).doesNotContain(secretValue);
    assertThat(history.body().toString()).doesNotContain(secretValue);
  }

  /** Every payload's data in the history, decoded from base64 and joined. */
  private static String decodedPayloads(JsonNode node) {
    StringBuilder text = new StringBuilder();
    collect(node, text);
    return text.toString();
  }

  private static void collect(JsonNode node, StringBuilder text) {
    if (node.isObject() && node.has("metadata") && node.path("data").isTextual()) {
      text.append(
              new String(
                  Base64.getDecoder().decode(node.path("data").asText()), StandardCharsets.UTF_8))
          .append('\n');
    }
    for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
      collect(children.next(), text);
    }
  }

  private static List<String> stepStatuses(List<Event> events, String step) {
    return events.stream()
        .filter(e -> e.name().equals("step"))
        .filter(e -> e.data().path("step").asText().equals(step))
        .map(e -> e.data().path("status").asText())
        .toList();
  }

  /** Reads the stream to its end (the server ends it when the run has ended). */
  private List<Event> events(String runId) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/runs/" + runId + "/events"))
            .header("Accept", "text/event-stream")
            .header(
                "Authorization",
                "Basic "
                    + java.util.Base64.getEncoder()
                        .encodeToString(
                            (PLATFORM_USER + ":" + PLATFORM_USER)
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
            .timeout(Duration.ofMinutes(3))
            .GET()
            .build();
    HttpResponse<Stream<String>> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/event-stream");
    List<Event> events = new ArrayList<>();
    String name = null;
    try (Stream<String> lines = response.body()) {
      for (Iterator<String> it = lines.iterator(); it.hasNext(); ) {
        String line = it.next();
        if (line.startsWith("event:")) {
          name = line.substring("event:".length()).trim();
        } else if (line.startsWith("data:")) {
          events.add(new Event(name, JSON.readTree(line.substring("data:".length()))));
        }
      }
    }
    return events;
  }
}
