package dev.paved.api.audit;

import dev.paved.workflows.audit.AuditEntry;
import dev.paved.workflows.audit.AuditTrail;
import org.springframework.stereotype.Component;

/** Appends workflows' audit entries; an activity on the API's queue, next to the database. */
@Component
class AuditTrailImpl implements AuditTrail {

  private final AuditLog log;

  AuditTrailImpl(AuditLog log) {
    this.log = log;
  }

  @Override
  public void appendAudit(AuditEntry entry) {
    log.append(entry);
  }
}
