package dev.paved.api.audit;

import dev.paved.workflows.audit.AuditEntry;

/**
 * Told of each entry {@link AuditLog} really appended (not of a retried one), inside the same
 * transaction: what it writes is kept or lost together with the entry.
 */
public interface AuditListener {

  void appended(AuditEntry entry);
}
