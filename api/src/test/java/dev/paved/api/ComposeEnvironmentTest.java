package dev.paved.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.abort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paved.testfixtures.vault.FakeVault;
import dev.paved.worker.EmbeddedTemporalServer;
import dev.paved.worker.WorkerApplication;
import dev.paved.workflows.steps.TaskQueues;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.web.context.support.StandardServletEnvironment;

/**
 * The api and the worker of docker-compose.yml start with exactly the environment Compose gives
 * their containers ({@code docker compose --env-file .env.example}, in a shell that sets nothing
 * else), and together serve a run of the shipped {@code java-service} template to its end, a user
 * of the mounted users file signed in.
 *
 * <p>Each process's environment is the compose file's, interpolated; only what names the stack's
 * own services or the containers' paths is replaced, each replacement printed:
 *
 * <ul>
 *   <li>{@code temporal:7233}: an embedded Temporal server of this test;
 *   <li>{@code paved-db}: a fresh schema on the local PostgreSQL (127.0.0.1:5432, user postgres,
 *       trust auth; or {@code PAVED_TEST_POSTGRES_URL}), so {@code PAVED_DB_USER} is that server's
 *       user; the password stays the stack's (trust ignores it);
 *   <li>{@code http://vault:8200}: the Vault stand-in, which accepts only the token vault-setup
 *       makes in the stack ({@code VAULT_DEV_PAVED_TOKEN}): Paved's {@code PAVED_VAULT_TOKEN} must
 *       be that one;
 *   <li>{@code /var/lib/paved} and {@code /opt/paved/templates}: temporary folders (the templates a
 *       copy of the repository's, as the images carry them), the users file mount: the file the
 *       compose file mounts there, read in place.
 * </ul>
 *
 * Grafana and GitHub are unset by .env.example, so nothing names them. Each process is a Spring
 * application in this JVM whose system environment is replaced by that map (so the test JVM's own
 * variables never leak in), with what its jar would read: the api its application.yaml, the worker
 * no application.yaml (its jar has none); the api listens on a free port instead of 8080.
 */
class ComposeEnvironmentTest {

  /** The stack's own services and the containers' own paths: none may be left after replacing. */
  static final Pattern STACK_NAMES =
      Pattern.compile(
          "(^|//)(temporal|temporal-db|temporal-ui|paved-db|vault|grafana)(:|/|$)"
              + "|^/var/lib/paved|^/opt/paved|^/etc/paved");

  static final ObjectMapper JSON = new ObjectMapper();

  /** The users of deploy/users.example.yaml; each password is change-me-name (operations.md). */
  static final List<String> EXAMPLE_USERS =
      List.of("pat", "petra", "alice", "bob", "sam", "audrey");

  @TempDir Path temp;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void theApiAndTheWorkerServeARunWithExactlyTheEnvironmentComposeGivesThem() throws Exception {
    // paved-db's stand-in: a fresh schema on the PostgreSQL the persistence tests use
    String databaseUrl =
        TestDatabases.postgresSchemaUrl()
            .orElseGet(
                () ->
                    abort(
                        "ComposeEnvironmentTest needs a PostgreSQL as paved-db's stand-in: "
                            + TestDatabases.postgresSkipReason().orElse("none answers")));
    ComposeFile stack = ComposeFile.withEnvFile(ComposeFile.ENV_EXAMPLE);
    Map<String, String> apiEnvironment = stack.environment("paved-api");
    Map<String, String> workerEnvironment = stack.environment("paved-worker");

    // what Compose passes, before anything is replaced
    assertThat(apiEnvironment)
        .containsEntry("PAVED_WORKER_ENABLED", "false")
        .containsEntry("PAVED_USERS_FILE", "/etc/paved/users.yaml")
        .containsEntry("PAVED_OIDC_ISSUER_URI", "")
        .containsEntry("PAVED_DB_PASSWORD", "change-me")
        .containsEntry("PAVED_VAULT_TOKEN", "change-me-paved");
    assertThat(workerEnvironment)
        .doesNotContainKeys("PAVED_USERS_FILE", "PAVED_OIDC_ISSUER_URI")
        .containsEntry("PAVED_WORKSPACES_STORE", "database")
        .containsEntry("PAVED_VAULT_TOKEN", "change-me-paved");

    Path data = Files.createDirectories(temp.resolve("var-lib-paved"));
    Path templates = temp.resolve("opt-paved-templates");
    copyTree(ComposeFile.ROOT.resolve("templates"), templates);
    String usersMount = apiEnvironment.get("PAVED_USERS_FILE");
    Path usersFile = stack.bindMountSource("paved-api", usersMount);
    assertThat(usersFile).isRegularFile();
    // the token vault-setup makes for Paved in the stack
    String vaultToken = stack.environment("vault-setup").get("PAVED_TOKEN");
    assertThat(vaultToken).isEqualTo("change-me-paved");

    try (EmbeddedTemporalServer temporal = EmbeddedTemporalServer.start(0);
        FakeVault vault = new FakeVault(vaultToken)) {
      Map<String, String> here = new LinkedHashMap<>();
      here.put("temporal:7233", temporal.target());
      here.put("http://vault:8200", vault.address());
      here.put("jdbc:postgresql://paved-db:5432/paved", databaseUrl);
      here.put("/var/lib/paved", data.toString());
      here.put("/opt/paved/templates", templates.toString());
      here.put(usersMount, usersFile.toString());
      Map<String, String> api = replaced("paved-api", apiEnvironment, here);
      // Without GitHub (as .env.example) the stack runs with docker-compose.local-git.yml, whose
      // shared git folders sit at the same path in every container: here one folder for both.
      // Workers with folders of their own are ScaleOutTest's.
      Map<String, String> worker = replaced("paved-worker", workerEnvironment, here);

      try (ConfigurableApplicationContext apiContext = startApi(api)) {
        int port = ((WebServerApplicationContext) apiContext).getWebServer().getPort();
        Api paved = new Api(port);

        // the Docker HEALTHCHECK's condition: 200 without credentials; the platform team (pat)
        // also sees database, Temporal (a cluster) and Vault UP
        Answer health = paved.get("/actuator/health", null, null);
        assertThat(health.status()).as(health.body().toString()).isEqualTo(200);
        assertThat(health.body().path("status").asText()).isEqualTo("UP");
        JsonNode components =
            paved.get("/actuator/health", "pat", "change-me-pat").body().path("components");
        assertThat(components.path("temporal").path("details").path("mode").asText())
            .isEqualTo("cluster");
        assertThat(components.path("vault").path("status").asText()).isEqualTo("UP");
        assertThat(components.path("db").path("status").asText()).isEqualTo("UP");
        assertThat(apiContext.getBean(WorkerFactory.class).tryGetWorker(TaskQueues.GOLDEN_PATH))
            .isNull();

        // sign-in: every user of the mounted file with their documented password, nobody else
        for (String user : EXAMPLE_USERS) {
          assertThat(paved.get("/api/v1/runs?limit=1", user, "change-me-" + user).status())
              .as(user + " signs in")
              .isEqualTo(200);
        }
        assertThat(paved.get("/api/v1/runs", null, null).status()).isEqualTo(401);
        assertThat(paved.get("/api/v1/runs", "alice", "alice").status()).isEqualTo(401);

        Answer started =
            paved.post(
                "/api/v1/runs",
                "alice",
                "change-me-alice",
                Map.of(
                    "template",
                    "java-service",
                    "parameters",
                    Map.of(
                        "name",
                        "ledger",
                        "owner",
                        "team-payments",
                        "description",
                        "Ledger API",
                        "lifecycle",
                        "experimental")));
        assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
        String runId = started.body().path("id").asText();

        // The api alone does none of the run: its workflow has not had one workflow task yet.
        Thread.sleep(1_500);
        assertThat(history(temporal, "service:team-payments/ledger"))
            .contains(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED)
            .doesNotContain(EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED);
        // Meanwhile the api still answers for the run: its progress query, which no worker can
        // answer, ends at paved.temporal.query-timeout (retries included, which alone would hold
        // the call past this client's 30 s), and the answer comes from Paved's record.
        Answer waiting = paved.get("/api/v1/runs/" + runId, "alice", "change-me-alice");
        assertThat(waiting.status()).as(waiting.body().toString()).isEqualTo(200);
        assertThat(waiting.body().path("status").asText()).isEqualTo("RUNNING");

        try (ConfigurableApplicationContext workerContext = startWorker(worker)) {
          assertThat(
                  workerContext.getBean(WorkerFactory.class).tryGetWorker(TaskQueues.GOLDEN_PATH))
              .isNotNull();

          JsonNode run = paved.awaitEnd(runId, "alice", "change-me-alice");

          assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("COMPLETED");
          assertThat(run.path("requestedBy").asText()).isEqualTo("alice");
          for (JsonNode step : run.path("steps")) {
            String expected = "approval".equals(step.path("id").asText()) ? "SKIPPED" : "SUCCEEDED";
            assertThat(step.path("status").asText()).as(step.toString()).isEqualTo(expected);
          }
        }
        // the worker wrote the secret to the stack's Vault with the stack's token and KV mount
        assertThat(vault.values("secret/team-payments/ledger/development")).isPresent();
        assertThat(vault.unhandled()).isEmpty();
        // catalog:register ran on the api's own queue, into its PostgreSQL schema
        Answer entity =
            paved.get("/api/v1/catalog/entities/component/default/ledger", "bob", "change-me-bob");
        assertThat(entity.status()).isEqualTo(200);
        assertThat(entity.body().path("spec").path("owner").asText()).isEqualTo("team-payments");
      }
    }
  }

  /** The event types of the workflow's history, as Temporal holds it. */
  private static List<EventType> history(EmbeddedTemporalServer temporal, String workflowId) {
    WorkflowServiceStubs service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(temporal.target()).build());
    try {
      return WorkflowClient.newInstance(service).fetchHistory(workflowId).getEvents().stream()
          .map(HistoryEvent::getEventType)
          .toList();
    } finally {
      service.shutdownNow();
    }
  }

  /**
   * The process's environment with each value that names a stack service or a container path
   * replaced by its stand-in here, and PAVED_DB_USER by the local server's user.
   */
  private static Map<String, String> replaced(
      String service, Map<String, String> environment, Map<String, String> here) {
    Map<String, String> result = new LinkedHashMap<>();
    environment.forEach(
        (key, value) -> {
          String local = here.getOrDefault(value, value);
          if (key.equals("PAVED_DB_USER")) {
            local = "postgres";
          }
          if (!local.equals(value)) {
            System.out.println(
                "ComposeEnvironmentTest " + service + ": " + key + " " + value + " -> " + local);
          }
          assertThat(local)
              .as(service + "'s " + key + " still names the stack or a container path")
              .doesNotContainPattern(STACK_NAMES);
          result.put(key, local);
        });
    return result;
  }

  private ConfigurableApplicationContext startApi(Map<String, String> environment) {
    StandardServletEnvironment container = new StandardServletEnvironment();
    // the api's jar carries its application.yaml, not this module's test configuration
    asContainer(
        container,
        environment,
        Map.of("spring.config.location", "optional:classpath:/", "server.port", "0"));
    return new SpringApplicationBuilder(PavedApplication.class).environment(container).run();
  }

  private ConfigurableApplicationContext startWorker(Map<String, String> environment)
      throws IOException {
    StandardEnvironment container = new StandardEnvironment();
    // the worker's jar carries no application.yaml: hide the api's, which this classpath has
    Path none = Files.createDirectories(temp.resolve("worker-config"));
    asContainer(
        container, environment, Map.of("spring.config.location", "optional:file:" + none + "/"));
    return SpringApplication.withHook(
        application -> {
          application.setEnvironment(container);
          return null;
        },
        () -> WorkerApplication.start());
  }

  /**
   * The environment a container's process sees: its system environment is exactly {@code
   * environment}; {@code harness} holds what this test sets about the process itself.
   */
  private static void asContainer(
      ConfigurableEnvironment container,
      Map<String, String> environment,
      Map<String, Object> harness) {
    container
        .getPropertySources()
        .replace(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
            new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.copyOf(environment)));
    container.getPropertySources().addFirst(new MapPropertySource("composeTestHarness", harness));
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path source : paths.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }

  record Answer(int status, JsonNode body) {}

  /** Paved's API over HTTP, with HTTP basic when a user is given. */
  final class Api {

    private final int port;

    Api(int port) {
      this.port = port;
    }

    Answer get(String path, String user, String password) {
      return exchange(request(path, user, password).GET());
    }

    Answer post(String path, String user, String password, Object body) {
      try {
        return exchange(
            request(path, user, password)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Polls the run until it leaves RUNNING (a bound on waiting, not on speed). */
    JsonNode awaitEnd(String runId, String user, String password) {
      return await("run " + runId + " to leave RUNNING")
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofMillis(250))
          .until(
              () -> get("/api/v1/runs/" + runId, user, password).body(),
              run -> !"RUNNING".equals(run.path("status").asText()));
    }

    private HttpRequest.Builder request(String path, String user, String password) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
              .timeout(Duration.ofSeconds(30));
      if (user != null) {
        request.header(
            "Authorization",
            "Basic "
                + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
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
            body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
