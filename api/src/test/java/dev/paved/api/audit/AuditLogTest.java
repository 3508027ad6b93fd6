package dev.paved.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paved.api.Cursor;
import dev.paved.api.Items;
import dev.paved.api.TestDatabases;
import dev.paved.api.TestDatabases.TestDatabase;
import dev.paved.workflows.audit.AuditEntry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The audit trail on every database Paved supports: appended once, read back, never changed. */
class AuditLogTest {

  private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

  static Stream<TestDatabase> databases() {
    return TestDatabases.all();
  }

  private static AuditEntry entry(String id, Instant at, String actor, String subject) {
    return new AuditEntry(
        id, at.toEpochMilli(), actor, "access.approved", subject, Map.of("comment", "ok"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void pagesFollowEachOtherThroughEntriesOfTheSameInstant(TestDatabase db) {
    AuditLog log =
        new AuditLog(JdbcClient.create(db.dataSource()), Clock.fixed(T0, ZoneOffset.UTC));
    log.append(entry("e-1", T0, "bob", "run:r-1"));
    log.append(entry("e-2", T0.plusSeconds(1), "bob", "run:r-1"));
    log.append(entry("e-3", T0.plusSeconds(1), "bob", "run:r-1"));

    Items<AuditEvent> first =
        Items.page(
            log.find(new AuditLog.Query(null, null, null, null, 3, null)),
            2,
            AuditLog::positionOf,
            e -> e);
    Items<AuditEvent> second =
        Items.page(
            log.find(
                new AuditLog.Query(null, null, null, null, 3, Cursor.decode(first.nextCursor()))),
            2,
            AuditLog::positionOf,
            e -> e);

    assertThat(first.items()).extracting(AuditEvent::eventId).containsExactly("e-3", "e-2");
    assertThat(second.items()).extracting(AuditEvent::eventId).containsExactly("e-1");
    assertThat(second.nextCursor()).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void appendsEachEntryOnceAndReadsItBackFiltered(TestDatabase db) {
    AuditLog log =
        new AuditLog(JdbcClient.create(db.dataSource()), Clock.fixed(T0, ZoneOffset.UTC));

    assertThat(log.append(entry("a-1#1", T0, "bob", "access-request:a-1"))).isTrue();
    assertThat(log.append(entry("a-1#1", T0, "bob", "access-request:a-1"))).isFalse();
    log.append(entry("a-1#2", T0.plusSeconds(60), "sam", "access-request:a-1"));
    log.append(entry("a-2#1", T0.plusSeconds(120), "bob", "access-request:a-2"));

    assertThat(log.find(new AuditLog.Query(null, null, null, null, 10)))
        .extracting(AuditEvent::eventId)
        .containsExactly("a-2#1", "a-1#2", "a-1#1");
    assertThat(log.find(new AuditLog.Query("bob", null, null, null, 10)))
        .extracting(AuditEvent::eventId)
        .containsExactly("a-2#1", "a-1#1");
    assertThat(log.find(new AuditLog.Query(null, "access-request:a-1", null, null, 10)))
        .extracting(AuditEvent::eventId)
        .containsExactly("a-1#2", "a-1#1");
    assertThat(
            log.find(new AuditLog.Query(null, null, T0.plusSeconds(60), T0.plusSeconds(120), 10)))
        .extracting(AuditEvent::eventId)
        .containsExactly("a-1#2");
    AuditEvent first = log.find(new AuditLog.Query(null, null, null, null, 1)).get(0);
    assertThat(first.detail()).containsEntry("comment", "ok");
    assertThat(first.occurredAt()).isEqualTo(T0.plusSeconds(120));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void theDatabaseRefusesToChangeOrDeleteAnEntry(TestDatabase db) {
    JdbcClient jdbc = JdbcClient.create(db.dataSource());
    new AuditLog(jdbc, Clock.systemUTC()).append(entry("a-1#1", T0, "bob", "access-request:a-1"));

    assertThatThrownBy(() -> jdbc.sql("update audit_events set actor = 'mallory'").update())
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.sql("delete from audit_events").update())
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("append-only");
    assertThat(jdbc.sql("select actor from audit_events").query(String.class).list())
        .containsExactly("bob");
  }
}
