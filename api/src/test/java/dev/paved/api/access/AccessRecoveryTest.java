package dev.paved.api.access;

import static dev.paved.api.access.AccessStoreTest.breakGlass;
import static dev.paved.api.access.AccessStoreTest.input;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import dev.paved.api.TestDatabases;
import dev.paved.api.audit.AuditLog;
import dev.paved.worker.TemporalProperties;
import dev.paved.workflows.access.AccessInput;
import dev.paved.workflows.access.AccessSnapshot;
import dev.paved.workflows.access.AccessStatus;
import dev.paved.workflows.audit.AuditEntry;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Which access requests local mode starts again after a restart, and from what. */
class AccessRecoveryTest {

  private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

  private final AccessWorkflows workflows = mock(AccessWorkflows.class);
  private AccessStore store;
  private AuditLog audit;

  @BeforeEach
  void records() {
    JdbcClient jdbc = JdbcClient.create(TestDatabases.h2Only().dataSource());
    store = new AccessStore(jdbc);
    audit = new AuditLog(jdbc, Clock.fixed(T0, ZoneOffset.UTC));
    store.insert(AccessSnapshot.requested(input("a-pending", "alice"), ms(T0)), T0);
    entries("a-pending", 2);
    store.insert(AccessSnapshot.requested(input("a-active", "alice"), ms(T0)), T0.plusSeconds(1));
    store.record(granted(input("a-active", "alice"), AccessStatus.ACTIVE, null), T0);
    entries("a-active", 3);
    store.insert(AccessSnapshot.requested(input("a-done", "carol"), ms(T0)), T0.plusSeconds(2));
    store.record(granted(input("a-done", "carol"), AccessStatus.REVOKED, null), T0);
    entries("a-done", 4);
    AccessInput breakGlass = breakGlass("a-review");
    store.insert(AccessSnapshot.requested(breakGlass, ms(T0)), T0.plusSeconds(3));
    store.record(granted(breakGlass, AccessStatus.EXPIRED, null), T0);
    entries("a-review", 5);
    AccessInput reviewed = breakGlass("a-reviewed");
    store.insert(AccessSnapshot.requested(reviewed, ms(T0)), T0.plusSeconds(4));
    store.record(granted(reviewed, AccessStatus.EXPIRED, "bob"), T0);
    // the request's workflow never recorded anything: it starts from its first entry
    store.insert(AccessSnapshot.requested(input("a-unrecorded", "bob"), ms(T0)), T0.plusSeconds(5));
  }

  private AccessRecovery recovery(String target) {
    return new AccessRecovery(
        new TemporalProperties(target, 0, "default", null, null, null),
        store,
        audit,
        workflows,
        Clock.fixed(T0, ZoneOffset.UTC));
  }

  @Test
  void startsEveryOpenRequestAgainFromItsRecordAfterItsRecordedAuditEntries() {
    recovery(null).recoverOpenRequests();

    ArgumentCaptor<AccessSnapshot> snapshots = ArgumentCaptor.forClass(AccessSnapshot.class);
    ArgumentCaptor<Integer> sequences = ArgumentCaptor.forClass(Integer.class);
    verify(workflows, times(4)).resume(snapshots.capture(), sequences.capture());
    assertThat(snapshots.getAllValues())
        .extracting(s -> s.request().requestId() + " " + s.status())
        .containsExactly(
            "a-pending PENDING", "a-active ACTIVE", "a-review EXPIRED", "a-unrecorded PENDING");
    assertThat(sequences.getAllValues()).containsExactly(2, 3, 5, 0);
    AccessSnapshot active = snapshots.getAllValues().get(1);
    assertThat(active.grantRef()).isEqualTo("local:a-active");
    assertThat(active.expiresAt()).isEqualTo(ms(T0.plus(Duration.ofHours(2))));
  }

  @Test
  void aRequestThatCannotStartAgainDoesNotStopTheOthers() {
    doThrow(new StatusRuntimeException(Status.UNAVAILABLE.withDescription("connection refused")))
        .when(workflows)
        .resume(any(), anyInt());

    recovery(null).recoverOpenRequests();

    verify(workflows, times(4)).resume(any(), anyInt());
    assertThat(store.find("a-active").orElseThrow().snapshot().status())
        .isEqualTo(AccessStatus.ACTIVE);
  }

  @Test
  void withATemporalClusterWorkflowsOutlivePavedAndNothingIsStarted() {
    recovery("temporal.example:7233").recoverOpenRequests();

    verifyNoInteractions(workflows);
  }

  private static long ms(Instant instant) {
    return instant.toEpochMilli();
  }

  /** Granted at T0; ended unless ACTIVE; a break-glass one reviewed by {@code acknowledgedBy}. */
  private static AccessSnapshot granted(
      AccessInput input, AccessStatus status, String acknowledgedBy) {
    long expires = ms(T0.plus(input.duration()));
    return new AccessSnapshot(
        input,
        status,
        List.of(),
        ms(T0),
        "local:" + input.requestId(),
        ms(T0),
        expires,
        status == AccessStatus.ACTIVE ? null : expires,
        status == AccessStatus.ACTIVE ? null : AuditEntry.PAVED,
        null,
        input.breakGlass() ? ms(T0.plus(input.reviewWindow())) : null,
        false,
        acknowledgedBy,
        acknowledgedBy == null ? null : ms(T0.plusSeconds(60)));
  }

  /** Entries {@code <id>#1..n}, as the request's workflow records them. */
  private void entries(String id, int count) {
    for (int i = 1; i <= count; i++) {
      audit.append(
          new AuditEntry(
              id + "#" + i, ms(T0), "alice", "access.x", "access-request:" + id, Map.of()));
    }
  }
}
