package dev.paved.api.audit;

import java.time.Instant;
import java.util.Map;

/** An audit entry as the API answers it. */
public record AuditEvent(
    long seq,
    String eventId,
    Instant occurredAt,
    Instant recordedAt,
    String actor,
    String action,
    String subject,
    Map<String, String> detail) {}
