package dev.paved.workflows.audit;

import io.temporal.activity.ActivityInterface;

/** Paved's append-only audit trail; implemented by the API, on its task queue. */
@ActivityInterface
public interface AuditTrail {

  /** Appends the entry once (an entry whose id is already there is not appended again). */
  void appendAudit(AuditEntry entry);
}
