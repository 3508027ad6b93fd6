package dev.paved.api.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.api.TestDatabases;
import dev.paved.api.audit.AuditEvent;
import dev.paved.api.audit.AuditLog;
import dev.paved.workflows.approval.Decision;
import dev.paved.workflows.goldenpath.RunApproval;
import dev.paved.workflows.goldenpath.RunDecision;
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
    insertRun();

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

  @Test
  void eachApproversAndOperatorsDecisionIsAuditedOnceUnderTheirName() {
    insertRun();
    long at = NOW.toEpochMilli();
    Decision petra = new Decision("petra", "approve", "sized right", at + 10);
    Decision pat = new Decision("pat", "reject", "not now", at + 20);
    RunDecision cancel = new RunDecision(RunDecision.Kind.CANCEL, null, "bob", at + 30, null);
    RunApproval rejected = approval(at, List.of(petra, pat), RunApproval.Outcome.REJECTED);

    recorder.recordRun(
        withApproval(
            RunStatus.WAITING_APPROVAL,
            approval(at, List.of(), RunApproval.Outcome.WAITING),
            List.of()));
    recorder.recordRun(
        withApproval(
            RunStatus.WAITING_APPROVAL,
            approval(at, List.of(petra), RunApproval.Outcome.WAITING),
            List.of()));
    recorder.recordRun(withApproval(RunStatus.RUNNING, rejected, List.of(cancel)));
    recorder.recordRun(withApproval(RunStatus.REJECTED, rejected, List.of(cancel)));
    recorder.recordRun(withApproval(RunStatus.REJECTED, rejected, List.of(cancel))); // retried

    List<AuditEvent> events = audit.find(new AuditLog.Query(null, "run:r-1", null, null, 20));
    assertThat(events)
        .extracting(AuditEvent::actor, AuditEvent::action)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("alice", "run.requested"),
            org.assertj.core.groups.Tuple.tuple("paved", "run.waiting_approval"),
            org.assertj.core.groups.Tuple.tuple("petra", "run.approval.approved"),
            org.assertj.core.groups.Tuple.tuple("pat", "run.approval.rejected"),
            org.assertj.core.groups.Tuple.tuple("bob", "run.decision.cancel"),
            org.assertj.core.groups.Tuple.tuple("paved", "run.running"),
            org.assertj.core.groups.Tuple.tuple("paved", "run.rejected"));
    AuditEvent rejection =
        events.stream().filter(e -> e.actor().equals("pat")).findFirst().orElseThrow();
    assertThat(rejection.detail())
        .containsEntry("comment", "not now")
        .containsEntry("step", "approval");
    assertThat(rejection.occurredAt()).isEqualTo(Instant.ofEpochMilli(at + 20));
  }

  private static RunApproval approval(
      long at, List<Decision> decisions, RunApproval.Outcome outcome) {
    return new RunApproval(
        "approval", "Ship?", List.of("platform"), 2, "alice", at, at + 1000, decisions, outcome);
  }

  private static RunProgress withApproval(
      RunStatus status, RunApproval approval, List<RunDecision> decisions) {
    return new RunProgress(
        "r-1",
        "java-service",
        status,
        List.of(),
        null,
        null,
        Map.of(),
        null,
        decisions,
        List.of(approval));
  }

  private void insertRun() {
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
  }
}
