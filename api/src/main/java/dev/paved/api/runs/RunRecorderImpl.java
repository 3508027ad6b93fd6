package dev.paved.api.runs;

import dev.paved.workflows.goldenpath.RunProgress;
import dev.paved.workflows.goldenpath.RunRecorder;
import dev.paved.workflows.goldenpath.RunStatus;
import java.time.Clock;
import org.springframework.stereotype.Component;

/** Keeps the {@code runs} table in step with the workflows; a rolled-back run frees its name. */
@Component
class RunRecorderImpl implements RunRecorder {

  private final RunStore store;
  private final Clock clock;

  RunRecorderImpl(RunStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  @Override
  public void recordRun(RunProgress progress) {
    store.recordProgress(progress, clock.instant());
    if (progress.status() == RunStatus.ROLLED_BACK) {
      store.releaseClaims(progress.runId());
    }
  }
}
