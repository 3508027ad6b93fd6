package dev.paved.api.scorecards.initiatives;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps each open initiative's point of the day and sends its notifications when due: the reminder
 * from a week before the deadline (skipped when the deadline has passed already), the deadline
 * notice from the deadline on. Runs every {@code paved.scorecards.initiative-sweep-interval}.
 */
@Component
public class InitiativeSweep {

  static final Duration REMIND_BEFORE = Duration.ofDays(7);
  private static final Logger log = LoggerFactory.getLogger(InitiativeSweep.class);

  private final InitiativeStore store;
  private final Initiatives initiatives;
  private final InitiativeNotices notices;
  private final Clock clock;

  InitiativeSweep(
      InitiativeStore store, Initiatives initiatives, InitiativeNotices notices, Clock clock) {
    this.store = store;
    this.initiatives = initiatives;
    this.notices = notices;
    this.clock = clock;
  }

  @Scheduled(
      initialDelayString = "${paved.scorecards.initiative-sweep-interval:PT1H}",
      fixedDelayString = "${paved.scorecards.initiative-sweep-interval:PT1H}")
  void scheduled() {
    try {
      sweep(clock.instant());
    } catch (RuntimeException e) {
      log.warn("Scorecard initiatives not swept: {}", e.toString());
    }
  }

  /** Keeps today's progress and sends what is due at {@code now}; returns the notices sent. */
  public int sweep(Instant now) {
    int sent = 0;
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    for (Initiative initiative : store.open(now)) {
      Measure measure = initiatives.measure(initiative);
      if (!today.isAfter(LocalDate.ofInstant(initiative.deadline(), ZoneOffset.UTC))) {
        store.keepProgress(initiative.id(), today, measure.meeting(), measure.total());
      }
      boolean pastDeadline = !now.isBefore(initiative.deadline());
      if (initiative.remindedAt() == null
          && !now.isBefore(initiative.deadline().minus(REMIND_BEFORE))) {
        // a reminder after the deadline says nothing the deadline notice does not
        if (pastDeadline) {
          store.claim(initiative.id(), "reminded_at", now);
        } else if (notices.send(initiative, InitiativeNotices.REMINDER, measure, now)) {
          sent++;
        }
      }
      if (pastDeadline
          && initiative.deadlineNotifiedAt() == null
          && notices.send(initiative, InitiativeNotices.DEADLINE, measure, now)) {
        sent++;
      }
    }
    return sent;
  }
}
