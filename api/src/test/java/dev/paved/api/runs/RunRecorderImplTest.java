package dev.paved.api.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.api.TestDatabases;
import dev.paved.api.audit.AuditEvent;
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
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Which ends of a run free its service name, and what the audit trail learns of a run. */
class RunRecorderImplTest {

  private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

  private final DataSource db = TestDatabases.h2Only().dataSource();
  private final RunStore store = new RunStore(JdbcClient.create(db));
  private final AuditLog audit =
      new AuditLog(JdbcClient.create(db), Clock.fixed(NOW, ZoneOffset.UTC));
  private final RunRecorderImpl recorder =
      new RunRecorderImpl(store, Clock.fixed(NOW, ZoneOffset.UTC), audit);

  private static RunProgress progress(RunStatus status) {
    return new RunProgress("r-1", "java-service", status, List.of(), null, null, Map.of());
  }

  @ParameterizedTest
  @EnumSource(RunStatus.class)
  void onlyARunThatUndidEverythingFreesItsName(RunStatus status) {
    assertThat(store.claim("checkout", "team-payments/checkout", "r-1", NOW)).isTrue();

    recorder.recordRun(progress(status));

    boolean freed =
        Set.of(RunStatus.ROLLED_BACK, RunStatus.CANCELLED, RunStatus.REJECTED, RunStatus.EXPIRED)
            .contains(status);
    assertThat(store.claimHolder("checkout").isEmpty()).isEqualTo(freed);
  }

  @Test
  void theRequestAndEachChangeOfStatusAreAuditedOnce() {
    store.insert(
        new RunStore.NewRun(
            "r-1",
            "java-service",
            "v1",
            ServiceIdentity.of(Map.of("name", "checkout", "owner", "team-payments"), "r-1"),
            "alice",
            null,
            "hash",
            Map.of("name", "checkout", "owner", "team-payments"),
            new TemplatePlan(
                "java-service", "v1", "/t", FailurePolicy.ROLLBACK, List.of(), Map.of())),
        NOW.minusSeconds(5));

    recorder.recordRun(progress(RunStatus.RUNNING));
    recorder.recordRun(progress(RunStatus.RUNNING));
    recorder.recordRun(progress(RunStatus.COMPLETED));
    recorder.recordRun(progress(RunStatus.COMPLETED)); // a retried record

    List<AuditEvent> events = audit.find(new AuditLog.Query(null, "run:r-1", null, null, 10));
    assertThat(events)
        .extracting(AuditEvent::action, AuditEvent::actor)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("run.completed", "paved"),
            org.assertj.core.groups.Tuple.tuple("run.requested", "alice"));
    assertThat(events.get(1).occurredAt()).isEqualTo(NOW.minusSeconds(5));
    assertThat(events.get(1).detail()).containsEntry("serviceKey", "team-payments/checkout");
  }
}
