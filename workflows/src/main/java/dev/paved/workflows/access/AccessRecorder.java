package dev.paved.workflows.access;

import io.temporal.activity.ActivityInterface;

/** Keeps Paved's record of access requests and the audit trail current; runs on the API's queue. */
@ActivityInterface
public interface AccessRecorder {

  /** Stores the snapshot and appends its audit entries (each once, however often retried). */
  void recordAccess(AccessChange change);
}
