package dev.paved.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paved.worker.EmbeddedTemporalServer;
import dev.paved.worker.WorkerApplication;
import dev.paved.workflows.steps.TaskQueues;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The production shape: a Temporal service at an address (here a standalone test server), an API
 * with {@code paved.worker-enabled=false}, and the golden-path work done by {@link
 * WorkerApplication} alone. The API's database is PostgreSQL when one answers (see {@link
 * TestDatabases}), migrated by the app's own Flyway; otherwise this context's own H2 database.
 */
class SplitWorkerTest extends EndToEndTest {

  // lives as long as the test JVM, like the cached API context that polls it
  static final EmbeddedTemporalServer TEMPORAL = EmbeddedTemporalServer.start(0);
  static final String DATABASE_URL = TestDatabases.postgresSchemaUrl().orElse(null);
  // Outside local mode Paved refuses the sample users: a users file of its own, as production has.
  static final String PASSWORD = "split-worker-" + UUID.randomUUID();

  @DynamicPropertySource
  static void productionShape(DynamicPropertyRegistry registry) {
    String usersFile = usersFile().toString();
    registry.add("paved.temporal.target", TEMPORAL::target);
    registry.add("paved.worker-enabled", () -> "false");
    registry.add("paved.users-file", () -> usersFile);
    if (DATABASE_URL != null) {
      registry.add("spring.datasource.url", () -> DATABASE_URL);
    } else {
      System.out.println(
          "SplitWorkerTest on H2: "
              + TestDatabases.postgresSkipReason().orElse("no PostgreSQL for the test"));
    }
  }

  private static Path usersFile() {
    try {
      Path file = Files.createTempFile("split-worker-users", ".yaml");
      String hash = new BCryptPasswordEncoder(4).encode(PASSWORD);
      Files.writeString(
          file,
          "users:\n  - name: pat\n    password: \"{bcrypt}"
              + hash
              + "\"\n    groups: [platform]\n");
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  Caller platform() {
    return as(PLATFORM_USER, PASSWORD);
  }

  @Autowired ApplicationContext context;
  @Autowired WorkerFactory workerFactory;
  @Autowired DataSource dataSource;

  @Test
  void apiAloneStartsNoTemporalServerAndPollsOnlyItsOwnQueue() throws Exception {
    assertThat(context.getBeansOfType(EmbeddedTemporalServer.class)).isEmpty();
    assertThat(workerFactory.tryGetWorker(TaskQueues.GOLDEN_PATH)).isNull();
    assertThat(workerFactory.tryGetWorker(TaskQueues.API)).isNotNull();
    JsonNode temporal = get("/actuator/health").body().path("components").path("temporal");
    assertThat(temporal.path("status").asText()).isEqualTo("UP");
    assertThat(temporal.path("details").path("mode").asText()).isEqualTo("cluster");
    try (Connection connection = dataSource.getConnection()) {
      assertThat(connection.getMetaData().getDatabaseProductName())
          .isEqualTo(DATABASE_URL != null ? "PostgreSQL" : "H2");
    }
  }

  @Test
  void aWorkerProcessAloneCompletesTheRunsTheApiStarted() throws Exception {
    JsonNode started =
        startRun(
            "java-service",
            Map.of("name", "ledger", "owner", "team-finance", "description", "Ledger API"));
    assertThat(started.path("status").asText()).isEqualTo("RUNNING");

    try (ConfigurableApplicationContext worker =
        WorkerApplication.start(
            "--paved.temporal.target=" + TEMPORAL.target(), "--paved.data-dir=" + dataDir)) {
      assertThat(worker.getBean(WorkerFactory.class).tryGetWorker(TaskQueues.GOLDEN_PATH))
          .isNotNull();

      JsonNode run = awaitEnd(started.path("id").asText());

      assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("COMPLETED");
      assertEveryStepSucceeded(run);
    }
    // catalog:register ran on the API's queue, into the API's database
    Answer entity = get("/api/v1/catalog/entities/component/default/ledger");
    assertThat(entity.status()).isEqualTo(200);
    assertThat(entity.body().path("spec").path("owner").asText()).isEqualTo("team-finance");
  }
}
