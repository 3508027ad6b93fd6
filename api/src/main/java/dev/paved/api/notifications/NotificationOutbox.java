package dev.paved.api.notifications;

import dev.paved.api.audit.AuditListener;
import dev.paved.workflows.audit.AuditEntry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code notification_outbox} table: a notification is stored in the transaction that appends
 * its audit entry (so a retried entry, which appends nothing, stores nothing), and the {@link
 * WebhookSender} takes it from here.
 *
 * <p>A sender claims a due row with a conditional update that moves {@code next_attempt_at} past a
 * lease: of two senders (two API processes on one PostgreSQL) only the one whose update changed the
 * row sends it, no lock or transaction is held during the HTTP call, and a row whose sender died is
 * due again when the lease ends. The same SQL runs on H2 and PostgreSQL ({@code select ... for
 * update skip locked} would hold a transaction open across the call, and would still need the
 * lease).
 */
public class NotificationOutbox implements AuditListener {

  static final String PENDING = "PENDING";
  static final String DELIVERED = "DELIVERED";
  static final String GAVE_UP = "GAVE_UP";

  /** A notification to send. */
  record Pending(long id, String eventId, String payload, int attempts, Instant createdAt) {}

  private final JdbcClient jdbc;
  private final Clock clock;
  private final boolean enabled;
  private final String publicUrl;

  /**
   * @param enabled whether a webhook is configured; when not, nothing is stored
   * @param publicUrl the address links in notifications start with
   */
  public NotificationOutbox(JdbcClient jdbc, Clock clock, boolean enabled, String publicUrl) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.enabled = enabled;
    this.publicUrl = publicUrl;
  }

  @Override
  public void appended(AuditEntry entry) {
    if (!enabled || !NotificationMessages.notifies(entry)) {
      return;
    }
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.sql(
            "insert into notification_outbox (event_id, action, payload, state, attempts,"
                + " created_at, next_attempt_at) values (?, ?, ?, ?, 0, ?, ?)")
        .params(
            entry.eventId(),
            entry.action(),
            NotificationMessages.payload(entry, publicUrl),
            PENDING,
            now,
            now)
        .update();
  }

  /**
   * Claims up to {@code limit} due notifications for {@code lease}; each is claimed by one sender.
   */
  List<Pending> claimDue(int limit, Duration lease) {
    Instant now = clock.instant();
    List<Pending> due =
        jdbc.sql(
                "select id, event_id, payload, attempts, created_at from notification_outbox"
                    + " where state = ? and next_attempt_at <= ? order by next_attempt_at, id"
                    + " limit ?")
            .params(PENDING, Timestamp.from(now), limit)
            .query(
                (rs, row) ->
                    new Pending(
                        rs.getLong("id"),
                        rs.getString("event_id"),
                        rs.getString("payload"),
                        rs.getInt("attempts"),
                        rs.getTimestamp("created_at").toInstant()))
            .list();
    List<Pending> claimed = new ArrayList<>();
    for (Pending pending : due) {
      int changed =
          jdbc.sql(
                  "update notification_outbox set next_attempt_at = ? where id = ? and state = ?"
                      + " and next_attempt_at <= ?")
              .params(Timestamp.from(now.plus(lease)), pending.id(), PENDING, Timestamp.from(now))
              .update();
      if (changed == 1) {
        claimed.add(pending);
      }
    }
    return claimed;
  }

  /** The webhook accepted it. */
  void delivered(Pending pending) {
    finish(pending, DELIVERED, null);
  }

  /** Sending it again would not help (refused, or too old). */
  void gaveUp(Pending pending, String reason) {
    finish(pending, GAVE_UP, reason);
  }

  /** Not delivered this time: try again at {@code next}. */
  void retryAt(Pending pending, Instant next, String reason) {
    jdbc.sql(
            "update notification_outbox set attempts = ?, next_attempt_at = ?, last_error = ?"
                + " where id = ?")
        .params(pending.attempts() + 1, Timestamp.from(next), clip(reason), pending.id())
        .update();
  }

  private void finish(Pending pending, String state, String reason) {
    jdbc.sql(
            "update notification_outbox set state = ?, attempts = ?, finished_at = ?,"
                + " last_error = ? where id = ?")
        .params(
            state,
            pending.attempts() + 1,
            Timestamp.from(clock.instant()),
            clip(reason),
            pending.id())
        .update();
  }

  private static String clip(String reason) {
    return reason == null || reason.length() <= 400 ? reason : reason.substring(0, 400);
  }
}
