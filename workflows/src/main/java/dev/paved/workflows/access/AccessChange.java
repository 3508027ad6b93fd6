package dev.paved.workflows.access;

import dev.paved.workflows.audit.AuditEntry;
import java.util.List;

/** What the workflow records: the request as it now stands, and the audit entries since last. */
public record AccessChange(AccessSnapshot snapshot, List<AuditEntry> events) {

  public AccessChange {
    events = events == null ? List.of() : List.copyOf(events);
  }
}
