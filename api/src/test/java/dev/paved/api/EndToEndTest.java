package dev.paved.api;

import static org.assertj.core.api.Assertions.assertThat;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Paved as `./paved up` runs it (embedded Temporal on a free port, worker, H2 file database, local
 * providers, the sample users), with the shipped templates plus the test templates, over real HTTP.
 * A real git repository ({@link #templateRepo}) is a second template location; the poller is off,
 * so tests decide when templates are looked at again. The helpers call as {@code pat} of the
 * platform team; {@link #as(String)} calls as another sample user and {@link #anonymous()} without
 * credentials.
 *
 * <p>Each test class gets an application context of its own ({@link ContextPerTestClass}), which
 * starts on folders of its own: a data folder ({@link #dataDir}, which also holds its H2 database),
 * a templates folder and a template repository. No class sees another's runs, services or grants.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextCustomizerFactories(ContextPerTestClass.class)
abstract class EndToEndTest {

  static final ObjectMapper JSON = new ObjectMapper();

  /** This context's data folder ({@code paved.data-dir}): git repositories, workspaces, H2. */
  @Value("${paved.data-dir}")
  Path dataDir;

  /** This context's bare git repository whose {@code main:templates} is a template location. */
  @Value("${paved.test.template-repo}")
  Path templateRepo;

  /** Spring calls this once for each context it starts: each gets new folders. */
  @DynamicPropertySource
  static void pavedProperties(DynamicPropertyRegistry registry) {
    Path dataDir;
    Path templatesDir;
    Path templateRepo;
    try {
      Path root = Files.createTempDirectory("paved-e2e");
      dataDir = Files.createDirectories(root.resolve("data"));
      templatesDir = Files.createDirectories(root.resolve("templates"));
      copyTree(Path.of("../templates"), templatesDir);
      copyTree(Path.of("src/test/resources/test-templates"), templatesDir);
      templateRepo = TemplateRepository.create(root, Path.of("src/test/resources/git-templates"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    registry.add("paved.data-dir", dataDir::toString);
    registry.add("paved.templates-dir", templatesDir::toString);
    registry.add("paved.test.template-repo", templateRepo::toString);
    registry.add("paved.temporal.port", () -> "0");
    registry.add(
        "paved.template-locations", () -> "git+" + templateRepo.toUri() + "#main:templates");
    registry.add("paved.templates-poll-interval", () -> "0");
  }

  @LocalServerPort int port;

  /** The sample user the helpers call as by default: pat, of the platform team. */
  static final String PLATFORM_USER = "pat";

  private final HttpClient http = HttpClient.newHttpClient();

  record Answer(int status, String contentType, JsonNode body) {}

  /**
   * Calls as a user of the sample users file (whose password is their name): alice and bob
   * (team-payments), carol (team-search), sam (sre), pat and petra (platform), audrey (auditor).
   */
  Caller as(String user) {
    return new Caller(user, user);
  }

  /** Calls as {@code user} with this password. */
  Caller as(String user, String password) {
    return new Caller(user, password);
  }

  /**
   * Who the helpers call as: {@code pat} of the sample users; a test that runs Paved outside local
   * mode (where the sample is refused) signs in with its own users file instead.
   */
  Caller platform() {
    return as(PLATFORM_USER);
  }

  /** Calls without credentials. */
  Caller anonymous() {
    return new Caller(null, null);
  }

  Answer get(String path) {
    return platform().get(path);
  }

  Answer post(String path, Object body, Map<String, String> headers) {
    return platform().post(path, body, headers);
  }

  /** Polls the run until it leaves RUNNING (a bound on waiting, not an assertion on speed). */
  JsonNode awaitEnd(String runId) {
    return awaitAnswer(
        "/api/v1/runs/" + runId, run -> !"RUNNING".equals(run.path("status").asText()));
  }

  /**
   * Polls {@code GET path} until its body satisfies {@code until}, and returns that body (a bound
   * of three minutes on waiting, not an assertion on speed: the machines are shared).
   */
  JsonNode awaitAnswer(String path, Predicate<JsonNode> until) {
    return await("GET " + path)
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> get(path).body(), until::test);
  }

  /** Polls the access request until it has {@code status}. */
  JsonNode awaitAccessStatus(String id, String status) {
    return awaitAnswer(
        "/api/v1/access-requests/" + id, request -> status.equals(request.path("status").asText()));
  }

  /**
   * Every step of the ended run SUCCEEDED, but the shipped templates' approval step, which a run
   * that is not for production skips.
   */
  static void assertEveryStepSucceeded(JsonNode run) {
    for (JsonNode step : run.path("steps")) {
      String expected = "approval".equals(step.path("id").asText()) ? "SKIPPED" : "SUCCEEDED";
      assertThat(step.path("status").asText()).as(step.toString()).isEqualTo(expected);
    }
  }

  /**
   * Waits for the run to pause on a failed step (the shipped templates' {@code onFailure: pause}),
   * rolls it back as an operator would, and waits for its end.
   */
  JsonNode rollBackPausedRun(String runId) {
    JsonNode paused = awaitEnd(runId);
    assertThat(paused.path("status").asText()).as(paused.toString()).isEqualTo("NEEDS_ATTENTION");
    Answer rollback = post("/api/v1/runs/" + runId + "/rollback", Map.of(), Map.of());
    assertThat(rollback.status()).as(rollback.body().toString()).isEqualTo(202);
    return awaitEnd(runId);
  }

  /**
   * Waits for the production run at its approval step, has petra of the platform team (not the
   * requester) approve it, and waits for its end.
   */
  JsonNode approveAndAwaitEnd(String runId) {
    JsonNode waiting = awaitEnd(runId);
    assertThat(waiting.path("status").asText())
        .as(waiting.toString())
        .isEqualTo("WAITING_APPROVAL");
    Answer approved =
        as("petra").post("/api/v1/runs/" + runId + "/approval", Map.of("decision", "approve"));
    assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
    return awaitEnd(runId);
  }

  /** {@code POST /api/v1/runs} with the template, its parameters and any headers. */
  Answer postRun(String template, Map<String, Object> parameters, Map<String, String> headers) {
    return platform().postRun(template, parameters, headers);
  }

  JsonNode startRun(String template, Map<String, Object> parameters) {
    return platform().startRun(template, parameters);
  }

  Answer send(String method, String path, String rawBody) {
    return platform().send(method, path, rawBody);
  }

  /** The API as one user sees it (HTTP basic), or without credentials when the user is null. */
  final class Caller {

    private final String user;
    private final String password;

    private Caller(String user, String password) {
      this.user = user;
      this.password = password;
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

    Answer post(String path, Object body) {
      return post(path, body, Map.of());
    }

    Answer postRun(String template, Map<String, Object> parameters, Map<String, String> headers) {
      return post("/api/v1/runs", Map.of("template", template, "parameters", parameters), headers);
    }

    JsonNode startRun(String template, Map<String, Object> parameters) {
      Answer answer = postRun(template, parameters, Map.of());
      assertThat(answer.status()).as(answer.body().toString()).isEqualTo(202);
      return answer.body();
    }

    Answer send(String method, String path, String rawBody) {
      return exchange(
          request(path)
              .header("Content-Type", "application/json")
              .method(method, HttpRequest.BodyPublishers.ofString(rawBody)));
    }

    private HttpRequest.Builder request(String path) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
      if (user != null) {
        String credentials = user + ":" + password;
        request.header(
            "Authorization",
            "Basic "
                + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
      }
      return request;
    }

    private Answer exchange(HttpRequest.Builder request) {
      try {
        HttpResponse<String> response =
            http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        return new Answer(
            response.statusCode(),
            response.headers().firstValue("Content-Type").orElse(""),
            body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path source : paths.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(
              source,
              target,
              StandardCopyOption.REPLACE_EXISTING,
              StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }
}
