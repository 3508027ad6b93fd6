package dev.paved.workflows.scorecards.waiver;

import dev.paved.workflows.audit.AuditEntry;
import java.util.List;

/** What the workflow records: the waiver as it now stands, and the audit entries since last. */
public record WaiverChange(WaiverSnapshot snapshot, List<AuditEntry> events) {

  public WaiverChange {
    events = events == null ? List.of() : List.copyOf(events);
  }
}
