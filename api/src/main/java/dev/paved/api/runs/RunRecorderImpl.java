package dev.paved.api.runs;

import dev.paved.workflows.goldenpath.RunProgress;
import dev.paved.workflows.goldenpath.RunRecorder;
import dev.paved.workflows.goldenpath.RunStatus;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@code runs} table in step with the workflows. A run that undid everything it made
 * (rolled back or cancelled) frees its service name; a completed one keeps it, and so does a failed
 * one, whose undo may have left something behind.
 */
@Component
class RunRecorderImpl implements RunRecorder {

  private static final Logger log = LoggerFactory.getLogger(RunRecorderImpl.class);

  private final RunStore store;
  private final Clock clock;

  RunRecorderImpl(RunStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  @Override
  public void recordRun(RunProgress progress) {
    store.recordProgress(progress, clock.instant());
    if (progress.status() == RunStatus.NEEDS_ATTENTION) {
      log.info(
          "Run {} needs attention (retry, rollback or cancel): {}",
          progress.runId(),
          progress.error());
    } else if (progress.status().isTerminal()) {
      log.info(
          "Run {} ended {}{}",
          progress.runId(),
          progress.status(),
          progress.error() == null ? "" : ": " + progress.error());
    }
    if (progress.status() == RunStatus.ROLLED_BACK || progress.status() == RunStatus.CANCELLED) {
      store.releaseClaims(progress.runId());
    }
  }
}
