package dev.paved.api.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paved.api.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * PostgreSQL restarted during runs: runs go on and no record is lost.
 *
 * <p>The stand-in for a restart: the test PostgreSQL server (127.0.0.1:5432 unless {@code
 * PAVED_TEST_POSTGRES_URL} names another) is shared with other work and must not be restarted, so
 * the test gives Paved a database of its own and ends every connection to it with {@code
 * pg_terminate_backend}, twice, while runs are in the middle of a step. To Paved that is what a
 * restart is: every pooled connection dies at once (SQLSTATE 57P01) and new ones are accepted
 * again; what a restart does besides (the server refusing connections for a while) is not shown. A
 * request that meets a dead pooled connection is answered 5xx and starts nothing; a client sends it
 * again with its {@code Idempotency-Key}. Skipped when no PostgreSQL answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DatabaseRestartTest {

  static final String ADMIN_URL = adminUrl();
  static final String DATABASE = "paved_restart_" + UUID.randomUUID().toString().substring(0, 8);

  @BeforeAll
  static void postgresAnswers() {
    assumeTrue(
        ADMIN_URL != null,
        () -> TestDatabases.postgresSkipReason().orElse("no PostgreSQL for the test"));
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws IOException {
    Path root = Files.createTempDirectory("paved-db-restart");
    Path templates = Files.createDirectories(root.resolve("templates"));
    Path from = Path.of("src/test/resources/test-templates/waits-mid-run");
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path source : paths.toList()) {
        Path target =
            templates.resolve("waits-mid-run").resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
    registry.add("paved.data-dir", () -> root.resolve("data").toString());
    registry.add("paved.templates-dir", templates::toString);
    registry.add("paved.temporal.port", () -> "0");
    registry.add("paved.templates-poll-interval", () -> "0");
    registry.add("spring.datasource.url", DatabaseRestartTest::databaseUrl);
  }

  @LocalServerPort int port;
  @Autowired DataSource dataSource;

  @Test
  void runsGoOnAndNoRecordIsLostWhenEveryDatabaseConnectionIsEnded() throws Exception {
    PavedHttp paved = new PavedHttp(port);
    List<String> runs = new ArrayList<>();
    for (String name : List.of("db-one", "db-two", "db-three")) {
      runs.add(start(paved, name));
    }
    for (String run : runs) {
      paved.awaitRun(run, stepRunning("wait"));
    }

    assertThat(endEveryConnection()).as("connections ended").isPositive();
    // a run started right after the "restart" is taken: a request that met a dead pooled
    // connection is answered 503 (Retry-After) and started nothing, so the client sends it again
    // (same key)
    runs.add(startRetrying(paved, "db-four"));
    paved.awaitRun(runs.get(3), stepRunning("wait"));
    assertThat(endEveryConnection()).as("connections ended").isPositive();

    for (String run : runs) {
      JsonNode ended = paved.awaitSettled(run);
      assertThat(ended.path("status").asText()).as(ended.toString()).isEqualTo("COMPLETED");
      for (JsonNode step : ended.path("steps")) {
        assertThat(step.path("status").asText()).as(step.toString()).isEqualTo("SUCCEEDED");
      }
    }
    // every record is there: runs, their claims on the service names, the list the API shows
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    assertThat(jdbc.queryForList("select id from runs where status = 'COMPLETED'", String.class))
        .containsExactlyInAnyOrderElementsOf(runs);
    assertThat(jdbc.queryForObject("select count(*) from service_claims", Integer.class))
        .isEqualTo(4);
    JsonNode listed = paved.get("/api/v1/runs?limit=500").body().path("items");
    List<String> ids = new ArrayList<>();
    listed.forEach(r -> ids.add(r.path("id").asText()));
    assertThat(ids).containsExactlyInAnyOrderElementsOf(runs);
  }

  private static String start(PavedHttp paved, String name) {
    PavedHttp.Answer answer = post(paved, name, Map.of());
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(202);
    return answer.body().path("id").asText();
  }

  /** Starts a run as a careful client does: again with its Idempotency-Key after a 503. */
  private static String startRetrying(PavedHttp paved, String name) {
    Map<String, String> key = Map.of("Idempotency-Key", "restart-" + name);
    PavedHttp.Answer answer = post(paved, name, key);
    for (int attempt = 1; attempt < 5 && answer.status() == 503; attempt++) {
      System.out.println("POST /api/v1/runs answered " + answer.status() + "; sent again");
      answer = post(paved, name, key);
    }
    assertThat(answer.status()).as(answer.body().toString()).isIn(200, 202);
    return answer.body().path("id").asText();
  }

  private static PavedHttp.Answer post(PavedHttp paved, String name, Map<String, String> headers) {
    return paved.post(
        "/api/v1/runs",
        Map.of(
            "template",
            "waits-mid-run",
            "parameters",
            Map.of("name", name, "owner", "team-restart", "waitSeconds", 4)),
        headers);
  }

  private static Predicate<JsonNode> stepRunning(String id) {
    return run -> {
      for (JsonNode step : run.path("steps")) {
        if (step.path("id").asText().equals(id)) {
          return step.path("status").asText().equals("RUNNING");
        }
      }
      return false;
    };
  }

  /** Ends every connection to this test's database, as a restart would; how many it ended. */
  private static int endEveryConnection() throws SQLException {
    try (Connection admin = DriverManager.getConnection(ADMIN_URL);
        ResultSet ended =
            admin
                .createStatement()
                .executeQuery(
                    "select count(*) filter (where pg_terminate_backend(pid)) from"
                        + " pg_stat_activity where datname = '"
                        + DATABASE
                        + "' and pid <> pg_backend_pid()")) {
      ended.next();
      int count = ended.getInt(1);
      System.out.println("ended " + count + " connections to " + DATABASE);
      return count;
    }
  }

  /** The server's admin URL (the {@code postgres} database), or null when none answers. */
  private static String adminUrl() {
    if (TestDatabases.postgresSkipReason().isPresent()) {
      return null;
    }
    String configured = System.getenv("PAVED_TEST_POSTGRES_URL");
    return configured == null || configured.isBlank()
        ? TestDatabases.DEFAULT_POSTGRES_URL
        : configured.strip();
  }

  private static String databaseUrl;

  /** A new database on the server (made once), dropped when the JVM ends; its JDBC URL. */
  private static synchronized String databaseUrl() {
    if (databaseUrl != null) {
      return databaseUrl;
    }
    try (Connection admin = DriverManager.getConnection(ADMIN_URL)) {
      admin.createStatement().execute("create database " + DATABASE);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the test database " + DATABASE, e);
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try (Connection admin = DriverManager.getConnection(ADMIN_URL)) {
                    admin
                        .createStatement()
                        .execute("drop database if exists " + DATABASE + " with (force)");
                  } catch (SQLException e) {
                    System.err.println("could not drop " + DATABASE + ": " + e.getMessage());
                  }
                }));
    databaseUrl = ADMIN_URL.replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + DATABASE);
    return databaseUrl;
  }
}
