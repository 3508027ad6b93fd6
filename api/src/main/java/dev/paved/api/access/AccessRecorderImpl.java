package dev.paved.api.access;

import dev.paved.api.audit.AuditLog;
import dev.paved.workflows.access.AccessChange;
import dev.paved.workflows.access.AccessInput;
import dev.paved.workflows.access.AccessRecorder;
import dev.paved.workflows.audit.AuditEntry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps {@code access_requests} and the audit trail in step with the workflows, in one transaction.
 * A break-glass access notifies its approvers through the audit trail (an {@code
 * access.break-glass} entry naming them), one log line and, when configured, a webhook
 * (dev.paved.api.notifications).
 */
@Component
class AccessRecorderImpl implements AccessRecorder {

  private static final Logger log = LoggerFactory.getLogger(AccessRecorderImpl.class);

  private final AccessStore store;
  private final AuditLog audit;
  private final Clock clock;

  AccessRecorderImpl(AccessStore store, AuditLog audit, Clock clock) {
    this.store = store;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  @Transactional
  public void recordAccess(AccessChange change) {
    store.record(change.snapshot(), clock.instant());
    for (AuditEntry entry : change.events()) {
      if (audit.append(entry)) {
        announce(entry, change.snapshot().request());
      }
    }
  }

  private static void announce(AuditEntry entry, AccessInput request) {
    switch (entry.action()) {
      case "access.break-glass" ->
          log.warn(
              "Break-glass: {} took {} access to {} ({}) without approval, for {}: {}."
                  + " Notified for review: {} (request {})",
              request.requestedBy(),
              request.role(),
              request.service(),
              request.environment(),
              request.duration(),
              request.reason(),
              String.join(", ", request.approvers().groups()),
              request.requestId());
      case "access.review-overdue" ->
          log.warn(
              "Break-glass request {} of {}: {} has not acknowledged it within {}",
              request.requestId(),
              request.requestedBy(),
              request.ownerGroup(),
              request.reviewWindow());
      default -> {
        // grants and revokes are logged where they happen (the access worker)
      }
    }
  }
}
