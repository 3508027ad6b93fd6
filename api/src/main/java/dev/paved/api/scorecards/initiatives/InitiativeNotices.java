package dev.paved.api.scorecards.initiatives;

import dev.paved.api.audit.AuditLog;
import dev.paved.workflows.audit.AuditEntry;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reminder a week before an initiative's deadline and the notice at it: one audit entry per
 * owning team whose entities do not meet the target, which the notification outbox sends. Claimed
 * and appended in one transaction, so each is sent once, however many sweeps run.
 */
@Component
class InitiativeNotices {

  static final String REMINDER = "scorecard.initiative.reminder";
  static final String DEADLINE = "scorecard.initiative.deadline";

  /** The entities a notification names; the link has them all. */
  private static final int MAX_NAMED = 20;

  private final InitiativeStore store;
  private final AuditLog audit;

  InitiativeNotices(InitiativeStore store, AuditLog audit) {
    this.store = store;
    this.audit = audit;
  }

  /** Sends {@code action} once for the initiative; false when it was sent before. */
  @Transactional
  boolean send(Initiative initiative, String action, Measure measure, Instant now) {
    String column = REMINDER.equals(action) ? "reminded_at" : "deadline_notified_at";
    if (!store.claim(initiative.id(), column, now)) {
      return false;
    }
    String kind = REMINDER.equals(action) ? "reminder" : "deadline";
    measure
        .notMeetingByOwner()
        .forEach(
            (owner, entities) ->
                audit.append(
                    new AuditEntry(
                        initiative.id() + "#" + kind + ":" + owner,
                        now.toEpochMilli(),
                        AuditEntry.PAVED,
                        action,
                        initiative.subject(),
                        Map.of(
                            "owner", owner,
                            "title", initiative.title(),
                            "target", initiative.targetText(),
                            "deadline", initiative.deadline().toString(),
                            "notMeeting", String.valueOf(entities.size()),
                            "entities", named(entities)))));
    return true;
  }

  private static String named(Set<String> entities) {
    String shown = String.join(", ", entities.stream().limit(MAX_NAMED).toList());
    return entities.size() > MAX_NAMED
        ? shown + " and " + (entities.size() - MAX_NAMED) + " more"
        : shown;
  }
}
