package dev.paved.workflows.access;

/** Where a production-access request stands. */
public enum AccessStatus {
  /** Waiting for its approvals. */
  PENDING,
  /** Granted; revoked at the end of its duration. */
  ACTIVE,
  /** An approver rejected it. */
  REJECTED,
  /** Revoked at the end of its duration, or never decided within the pending timeout. */
  EXPIRED,
  /** Ended early by the requester, an approver or the platform team. */
  REVOKED,
  /** Withdrawn by the requester while it waited. */
  CANCELLED,
  /** Approved, but the grant could not be made. */
  FAILED;

  public boolean isOpen() {
    return this == PENDING || this == ACTIVE;
  }
}
