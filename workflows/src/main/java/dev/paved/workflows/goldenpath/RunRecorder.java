package dev.paved.workflows.goldenpath;

import io.temporal.activity.ActivityInterface;

/** Keeps Paved's own record of a run current; implemented by the API, on its task queue. */
@ActivityInterface
public interface RunRecorder {

  /** Stores the run's latest progress (idempotent: the newest snapshot wins). */
  void recordRun(RunProgress progress);
}
