package dev.paved.api.scorecards.waivers;

import dev.paved.api.audit.AuditLog;
import dev.paved.api.scorecards.WaiversChanged;
import dev.paved.workflows.audit.AuditEntry;
import dev.paved.workflows.scorecards.waiver.WaiverChange;
import dev.paved.workflows.scorecards.waiver.WaiverInput;
import dev.paved.workflows.scorecards.waiver.WaiverRecorder;
import dev.paved.workflows.scorecards.waiver.WaiverStatus;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps {@code scorecard_waivers} and the audit trail in step with the waivers' workflows, in one
 * transaction; a requested waiver notifies its approvers through its audit entry (the outbox).
 */
@Component
class WaiverRecorderImpl implements WaiverRecorder {

  private final WaiverStore store;
  private final AuditLog audit;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  WaiverRecorderImpl(
      WaiverStore store, AuditLog audit, Clock clock, ApplicationEventPublisher events) {
    this.store = store;
    this.audit = audit;
    this.clock = clock;
    this.events = events;
  }

  @Override
  @Transactional
  public void recordWaiver(WaiverChange change) {
    store.record(change.snapshot(), clock.instant());
    for (AuditEntry entry : change.events()) {
      audit.append(entry);
    }
    WaiverInput waiver = change.snapshot().waiver();
    if (change.snapshot().status() != WaiverStatus.PENDING) {
      events.publishEvent(new WaiversChanged(waiver.scorecardId(), waiver.entityRef()));
    }
  }
}
