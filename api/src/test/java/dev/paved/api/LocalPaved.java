package dev.paved.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paved.worker.EmbeddedTemporalServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One start of Paved as {@code ./paved up} runs it, on a data folder a test chooses, so a test can
 * stop it and start it again on the same folder (as a user stopping and restarting local mode).
 */
final class LocalPaved implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();

  private final ConfigurableApplicationContext context;
  private final HttpClient http = HttpClient.newHttpClient();

  private LocalPaved(ConfigurableApplicationContext context) {
    this.context = context;
  }

  /** Starts Paved on {@code dataDir} with the test templates, plus {@code properties}. */
  static LocalPaved start(Path dataDir, String... properties) {
    List<String> all = new ArrayList<>();
    all.add("paved.data-dir=" + dataDir);
    all.add("paved.templates-dir=" + testTemplates(dataDir.resolveSibling("templates")));
    all.add("paved.temporal.port=0");
    all.add("server.port=0");
    all.addAll(List.of(properties));
    // as command-line arguments, which override application.yaml
    String[] args = all.stream().map(p -> "--" + p).toArray(String[]::new);
    return new LocalPaved(new SpringApplicationBuilder(PavedApplication.class).run(args));
  }

  int port() {
    return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
  }

  /** The embedded Temporal server's address, for worker processes that join it. */
  String temporalTarget() {
    return context.getBean(EmbeddedTemporalServer.class).target();
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  JsonNode get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET().build());
  }

  /** {@code POST /api/v1/runs}; asserts the run was accepted. */
  JsonNode startRun(String template, Map<String, Object> parameters) {
    try {
      String body = JSON.writeValueAsString(Map.of("template", template, "parameters", parameters));
      JsonNode run =
          send(
              HttpRequest.newBuilder(uri("/api/v1/runs"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build());
      assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("RUNNING");
      return run;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Polls the run until {@code until} holds (a bound on waiting, not an assertion on speed). */
  JsonNode awaitRun(String runId, Predicate<JsonNode> until) {
    return await("run " + runId)
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> get("/api/v1/runs/" + runId), until::test);
  }

  JsonNode awaitEnd(String runId) throws InterruptedException {
    return awaitRun(runId, run -> !"RUNNING".equals(run.path("status").asText()));
  }

  /** Whether the run's step {@code stepId} is running. */
  static Predicate<JsonNode> stepRunning(String stepId) {
    return run -> {
      for (JsonNode step : run.path("steps")) {
        if (step.path("id").asText().equals(stepId)) {
          return "RUNNING".equals(step.path("status").asText());
        }
      }
      return false;
    };
  }

  @Override
  public void close() {
    context.close();
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port() + path);
  }

  /** Signed in as the sample platform user {@code pat}: this Paved runs in local mode. */
  private static final String PAT =
      "Basic "
          + java.util.Base64.getEncoder()
              .encodeToString("pat:pat".getBytes(java.nio.charset.StandardCharsets.UTF_8));

  private JsonNode send(HttpRequest unsigned) {
    HttpRequest request =
        HttpRequest.newBuilder(unsigned, (name, value) -> true)
            .header("Authorization", PAT)
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The shipped templates' test companions, copied once per folder. */
  private static Path testTemplates(Path folder) {
    try {
      if (Files.isDirectory(folder)) {
        return folder;
      }
      Path from = Path.of("src/test/resources/test-templates");
      try (Stream<Path> paths = Files.walk(from)) {
        for (Path source : paths.toList()) {
          Path target = folder.resolve(from.relativize(source).toString());
          if (Files.isDirectory(source)) {
            Files.createDirectories(target);
          } else {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
