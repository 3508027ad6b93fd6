package dev.paved.api.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paved.api.Cursor;
import dev.paved.api.Problems;
import dev.paved.workflows.audit.AuditEntry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code audit_events} table. Only ever appended to: there is no update or delete here, and the
 * database refuses them (V4_1). Each {@link AuditListener} hears of an entry appended, in the same
 * transaction (the notification outbox is one).
 */
@Repository
public class AuditLog {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JdbcClient jdbc;
  private final Clock clock;
  private final List<AuditListener> listeners;

  public AuditLog(JdbcClient jdbc, Clock clock) {
    this(jdbc, clock, List.of());
  }

  @Autowired
  public AuditLog(JdbcClient jdbc, Clock clock, List<AuditListener> listeners) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.listeners = List.copyOf(listeners);
  }

  /**
   * Appends the entry unless one with its id is there, and tells the listeners; true when it was
   * appended.
   */
  @Transactional
  public boolean append(AuditEntry entry) {
    boolean known =
        jdbc.sql("select count(*) from audit_events where event_id = ?")
                .param(entry.eventId())
                .query(Integer.class)
                .single()
            > 0;
    if (known) {
      return false;
    }
    jdbc.sql(
            "insert into audit_events (event_id, occurred_at, recorded_at, actor, action, subject,"
                + " detail) values (?, ?, ?, ?, ?, ?, ?)")
        .params(
            entry.eventId(),
            Timestamp.from(Instant.ofEpochMilli(entry.occurredAt())),
            Timestamp.from(clock.instant()),
            entry.actor(),
            entry.action(),
            entry.subject(),
            write(entry.detail()))
        .update();
    listeners.forEach(listener -> listener.appended(entry));
    return true;
  }

  /** The ids of every entry about {@code subject}, in no particular order. */
  public List<String> eventIds(String subject) {
    return jdbc.sql("select event_id from audit_events where subject = ?")
        .param(subject)
        .query(String.class)
        .list();
  }

  /** What to read: each filter optional; newest first. */
  /**
   * Which entries to find, newest first: each part that is set narrows it; {@code after} starts
   * after that entry (its time and its {@code seq}), for the next page.
   */
  public record Query(
      String actor, String subject, Instant from, Instant to, int limit, Cursor after) {

    public Query(String actor, String subject, Instant from, Instant to, int limit) {
      this(actor, subject, from, to, limit, null);
    }
  }

  /** Where an entry stands in the trail's order. */
  public static Cursor positionOf(AuditEvent event) {
    return new Cursor(event.occurredAt(), String.valueOf(event.seq()));
  }

  public List<AuditEvent> find(Query query) {
    StringBuilder sql = new StringBuilder("select * from audit_events where 1 = 1");
    List<Object> params = new ArrayList<>();
    if (query.actor() != null) {
      sql.append(" and actor = ?");
      params.add(query.actor());
    }
    if (query.subject() != null) {
      sql.append(" and subject = ?");
      params.add(query.subject());
    }
    if (query.from() != null) {
      sql.append(" and occurred_at >= ?");
      params.add(Timestamp.from(query.from()));
    }
    if (query.to() != null) {
      sql.append(" and occurred_at < ?");
      params.add(Timestamp.from(query.to()));
    }
    if (query.after() != null) {
      sql.append(" and (occurred_at < ? or (occurred_at = ? and seq < ?))");
      params.add(Timestamp.from(query.after().at()));
      params.add(Timestamp.from(query.after().at()));
      params.add(seq(query.after().key()));
    }
    sql.append(" order by occurred_at desc, seq desc limit ?");
    params.add(query.limit());
    return jdbc.sql(sql.toString()).params(params).query(this::event).list();
  }

  private static long seq(String key) {
    try {
      return Long.parseLong(key);
    } catch (NumberFormatException e) {
      throw Problems.invalid("cursor is not one this list answered", Map.of());
    }
  }

  private AuditEvent event(ResultSet rs, int row) throws SQLException {
    return new AuditEvent(
        rs.getLong("seq"),
        rs.getString("event_id"),
        rs.getTimestamp("occurred_at").toInstant(),
        rs.getTimestamp("recorded_at").toInstant(),
        rs.getString("actor"),
        rs.getString("action"),
        rs.getString("subject"),
        read(rs.getString("detail")));
  }

  private static String write(Map<String, String> detail) {
    try {
      return JSON.writeValueAsString(detail);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> read(String json) {
    try {
      return JSON.readValue(json, new TypeReference<>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
