package dev.paved.api.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.api.TestDatabases;
import dev.paved.api.audit.AuditLog;
import dev.paved.workflows.goldenpath.RunProgress;
import dev.paved.workflows.goldenpath.RunStatus;
import dev.paved.workflows.steps.FailurePolicy;
import dev.paved.workflows.steps.TemplatePlan;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A run that completes is announced once, with its service (fact collection listens). */
class RunCompletedTest {

  private static final Instant NOW = Instant.parse("2026-12-06T03:00:00Z");

  private final DataSource db = TestDatabases.h2Only().dataSource();
  private final RunStore store = new RunStore(JdbcClient.create(db));
  private final List<Object> published = new CopyOnWriteArrayList<>();
  private final RunRecorderImpl recorder =
      new RunRecorderImpl(
          store,
          Clock.fixed(NOW, ZoneOffset.UTC),
          new AuditLog(JdbcClient.create(db), Clock.fixed(NOW, ZoneOffset.UTC)),
          published::add);

  private static RunProgress progress(String runId, RunStatus status) {
    return new RunProgress(runId, "java-service", status, List.of(), null, null, Map.of());
  }

  private void insertRun(String runId, String name) {
    store.insert(
        new RunStore.NewRun(
            runId,
            "java-service",
            "v1",
            ServiceIdentity.of(Map.of("name", name, "owner", "team-payments"), runId),
            "alice",
            null,
            "hash",
            Map.of("name", name, "owner", "team-payments"),
            new TemplatePlan(
                "java-service", "v1", "/t", FailurePolicy.ROLLBACK, List.of(), Map.of())),
        NOW.minusSeconds(5));
  }

  @Test
  void onlyTheChangeToCompletedIsAnnouncedOnce() {
    insertRun("r-1", "checkout");
    insertRun("r-2", "basket");

    recorder.recordRun(progress("r-1", RunStatus.RUNNING));
    recorder.recordRun(progress("r-1", RunStatus.COMPLETED));
    recorder.recordRun(progress("r-1", RunStatus.COMPLETED)); // a retried record
    recorder.recordRun(progress("r-2", RunStatus.ROLLED_BACK));

    assertThat(published).containsExactly(new RunCompleted("r-1", "team-payments/checkout"));
  }
}
