package dev.paved.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Paved's runs through its API, as a client sees them: {@code POST /api/v1/runs} as pat (local
 * mode's sample platform user), then the run's workflow waited for with Temporal's long poll (no
 * polling of the API while it runs), then {@code GET /api/v1/runs/{id}} to read how it ended.
 *
 * <p>The workflow id is not in the API's answer; it follows from the run (Paved's {@code
 * ServiceIdentity}): {@code run:<id>} for a run that makes no named service (its service key is
 * {@code run/<id>}), {@code service:<owner>/<name>} for one that does (its service key).
 */
final class PavedApi implements AutoCloseable {

  private static final Set<String> OPEN =
      Set.of("RUNNING", "NEEDS_ATTENTION", "WAITING_APPROVAL", "ROLLING_BACK");
  private static final Set<String> STUCK = Set.of("NEEDS_ATTENTION", "WAITING_APPROVAL");

  private final HttpClient http;
  private final String base;
  private final String auth;
  private final WorkflowClient temporal;
  private final ObjectMapper json;
  private final Map<String, CompletableFuture<String>> waiting = new ConcurrentHashMap<>();
  private final ScheduledExecutorService watcher =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "stuck-runs");
            t.setDaemon(true);
            return t;
          });
  private ScheduledFuture<?> watch;

  PavedApi(HttpClient http, int port, WorkflowClient temporal, ObjectMapper json) {
    this.http = http;
    this.base = "http://127.0.0.1:" + port + "/api/v1";
    this.auth =
        "Basic " + Base64.getEncoder().encodeToString("pat:pat".getBytes(StandardCharsets.UTF_8));
    this.temporal = temporal;
    this.json = json;
  }

  /**
   * While runs are in flight, every 2 s, the runs waiting for someone (a failed step paused, an
   * approval) are read from the list (Paved's database, no workflow query): such a run will not end
   * by itself, so its wait ends at once with that status.
   */
  void watchStuck() {
    if (watch == null) {
      watch = watcher.scheduleWithFixedDelay(this::checkStuck, 2, 2, TimeUnit.SECONDS);
    }
  }

  private void checkStuck() {
    if (waiting.isEmpty()) {
      return;
    }
    for (String status : STUCK) {
      try {
        JsonNode page = get("/runs?limit=500&status=" + status);
        for (JsonNode item : page.path("items")) {
          CompletableFuture<String> w = waiting.get(item.path("id").asText());
          if (w != null) {
            w.complete(status);
          }
        }
      } catch (Exception e) {
        // the next look may work
      }
    }
  }

  /** One run of {@code template}: started, waited for, and read back. */
  Batch.Outcome run(String template, Map<String, Object> parameters, long deadlineNanos)
      throws Exception {
    String body = json.writeValueAsString(Map.of("template", template, "parameters", parameters));
    long t0 = System.nanoTime();
    HttpResponse<String> answer =
        http.send(
            request("/runs")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    long started = System.nanoTime();
    if (answer.statusCode() != 202 && answer.statusCode() != 200) {
      return new Batch.Outcome(
          null,
          null,
          "HTTP_" + answer.statusCode(),
          t0,
          started,
          started,
          started,
          abbreviate(answer.body()));
    }
    JsonNode run = json.readTree(answer.body());
    String id = run.path("id").asText();
    String workflowId = workflowId(id, run.path("serviceKey").asText());
    CompletableFuture<String> stuck = new CompletableFuture<>();
    waiting.put(id, stuck);
    CompletableFuture<JsonNode> result =
        temporal
            .newUntypedWorkflowStub(workflowId, Optional.empty(), Optional.empty())
            .getResultAsync(
                Math.max(1, deadlineNanos - System.nanoTime()),
                TimeUnit.NANOSECONDS,
                JsonNode.class);
    // when Temporal answered, not when this thread woke up
    CompletableFuture<Long> endedAt = result.handle((r, e) -> System.nanoTime());
    String error = null;
    String stuckStatus = null;
    long ended;
    try {
      Object first =
          CompletableFuture.anyOf(endedAt, stuck)
              .get(Math.max(1, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (first instanceof String status) {
        stuckStatus = status;
        ended = System.nanoTime();
      } else {
        ended = (Long) first;
        if (result.isCompletedExceptionally()) {
          error = rootCause(result);
        }
      }
    } catch (TimeoutException e) {
      ended = System.nanoTime();
      stuckStatus = "NOT_ENDED";
      error = "not ended within the batch's timeout";
    } finally {
      waiting.remove(id);
    }
    // the run's record: how it ended, once the API shows it (5 s at most after its workflow ended)
    String status;
    long visible;
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    do {
      JsonNode now = get("/runs/" + id);
      status = now.path("status").asText();
      visible = System.nanoTime();
      if (!OPEN.contains(status) || stuckStatus != null) {
        if (error == null && now.hasNonNull("error")) {
          error = abbreviate(now.path("error").asText());
        }
        break;
      }
      Thread.sleep(10);
    } while (System.nanoTime() < until);
    if (stuckStatus != null && OPEN.contains(status)) {
      status = stuckStatus.equals("NOT_ENDED") ? "NOT_ENDED (" + status + ")" : status;
    }
    return new Batch.Outcome(id, workflowId, status, t0, started, ended, visible, error);
  }

  JsonNode get(String path) throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException("GET " + path + ": " + r.statusCode() + " " + abbreviate(r.body()));
    }
    return json.readTree(r.body());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", auth)
        .header("Accept", "application/json");
  }

  static String workflowId(String runId, String serviceKey) {
    return serviceKey.isEmpty() || serviceKey.equals("run/" + runId)
        ? "run:" + runId
        : "service:" + serviceKey;
  }

  private static String rootCause(CompletableFuture<?> failed) {
    try {
      failed.get();
      return null;
    } catch (ExecutionException e) {
      Throwable t = e.getCause();
      while (t.getCause() != null && t.getCause() != t) {
        t = t.getCause();
      }
      return abbreviate(t.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  private static String abbreviate(String s) {
    return s == null || s.length() <= 300 ? s : s.substring(0, 300) + "...";
  }

  @Override
  public void close() {
    watcher.shutdownNow();
  }
}
