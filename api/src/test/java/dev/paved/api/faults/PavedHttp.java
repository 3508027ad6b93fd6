package dev.paved.api.faults;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** Paved's API over HTTP as {@code pat} of the platform team (a sample user of local mode). */
final class PavedHttp {

  static final ObjectMapper JSON = new ObjectMapper();

  /** The statuses a run keeps while it goes on: every other one is an end or a pause. */
  static final Set<String> GOING_ON =
      Set.of("RUNNING", "ROLLING_BACK", "CANCELLING", "PENDING", "QUEUED");

  record Answer(int status, JsonNode body) {}

  private final HttpClient http = HttpClient.newHttpClient();
  private final int port;

  PavedHttp(int port) {
    this.port = port;
  }

  Answer get(String path) {
    return exchange(request(path).GET());
  }

  Answer post(String path, Object body, Map<String, String> headers) {
    try {
      HttpRequest.Builder request =
          request(path)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      headers.forEach(request::header);
      return exchange(request);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code POST /api/v1/runs} of the shipped java-service template for {@code owner/name}. */
  Answer postRun(String owner, String name, Map<String, String> headers) {
    return post(
        "/api/v1/runs",
        Map.of("template", "java-service", "parameters", Map.of("name", name, "owner", owner)),
        headers);
  }

  /** Polls the run until it ends or pauses (a bound on waiting, not an assertion on speed). */
  JsonNode awaitSettled(String runId) {
    return awaitRun(runId, run -> !GOING_ON.contains(run.path("status").asText()));
  }

  JsonNode awaitRun(String runId, Predicate<JsonNode> until) {
    String path = "/api/v1/runs/" + runId;
    return await("GET " + path)
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> get(path), answer -> answer.status() == 200 && until.test(answer.body()))
        .body();
  }

  private HttpRequest.Builder request(String path) {
    String credentials = "pat:pat";
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header(
            "Authorization",
            "Basic "
                + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
  }

  private Answer exchange(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      String body = response.body();
      return new Answer(
          response.statusCode(),
          body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
