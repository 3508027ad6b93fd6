package dev.paved.workflows.scorecards.waiver;

import dev.paved.workflows.approval.Decision;

/**
 * A waiver as it now stands.
 *
 * @param decision the approver's decision, or null while none was taken
 * @param changedAt when the status last changed (epoch milliseconds, workflow time)
 */
public record WaiverSnapshot(
    WaiverInput waiver, WaiverStatus status, Decision decision, long changedAt) {}
