package dev.paved.workflows.audit;

import java.util.Map;

/**
 * One line of Paved's audit trail. Never holds a secret or a token: only who did what to which
 * subject, when, and a few words of detail.
 *
 * @param eventId unique and stable across retries (e.g. {@code <request id>#<sequence>}), so
 *     recording the same entry twice appends it once
 * @param occurredAt epoch milliseconds (workflow time when a workflow writes it)
 * @param actor the user, or {@code paved} for what Paved does on its own (a timer, a grant)
 * @param action what happened, e.g. {@code access.approved}, {@code run.completed}
 * @param subject what it happened to, e.g. {@code access-request:a-1f2e...}, {@code run:r-...}
 */
public record AuditEntry(
    String eventId,
    long occurredAt,
    String actor,
    String action,
    String subject,
    Map<String, String> detail) {

  /** The actor of what Paved does by itself. */
  public static final String PAVED = "paved";

  public AuditEntry {
    detail = detail == null ? Map.of() : Map.copyOf(detail);
  }
}
