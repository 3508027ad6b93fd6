package dev.paved.workflows.scorecards.waiver;

import io.temporal.activity.ActivityInterface;

/** Keeps Paved's record of waivers and the audit trail current; runs in the API process. */
@ActivityInterface
public interface WaiverRecorder {

  /** Stores the snapshot and appends its audit entries (each once, however often retried). */
  void recordWaiver(WaiverChange change);
}
