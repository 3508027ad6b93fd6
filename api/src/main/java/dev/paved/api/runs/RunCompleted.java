package dev.paved.api.runs;

/**
 * Published once a run has ended {@code COMPLETED} (after its record is committed): what it made
 * may be read again (fact collection).
 *
 * @param serviceKey the service it made, or null
 */
public record RunCompleted(String runId, String serviceKey) {}
