package dev.paved.workflows.scorecards.waiver;

/** Where a waiver stands; only an APPROVED one before its expiry waives its rule. */
public enum WaiverStatus {
  /** Waiting for an approver. */
  PENDING,
  /** Approved: waives the rule until its expiry. */
  APPROVED,
  /** Rejected by an approver. */
  REJECTED,
  /** Past its expiry, or never decided before it. */
  EXPIRED
}
