package dev.paved.workflows.access;

/**
 * Where a request stood when its workflow was lost, for starting it again: local mode's embedded
 * Temporal server forgets every workflow when Paved stops, while Paved's own record keeps the
 * request. A request resumed from here keeps its deadlines, its decisions and its grant.
 *
 * @param snapshot the request as its workflow last recorded it
 * @param auditSequence how many of its audit entries were recorded ({@code <id>#1} to {@code
 *     <id>#auditSequence}); the resumed workflow numbers its entries after them
 */
public record AccessResume(AccessSnapshot snapshot, int auditSequence) {}
