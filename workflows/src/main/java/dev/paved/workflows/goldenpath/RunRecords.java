package dev.paved.workflows.goldenpath;

import dev.paved.workflows.steps.StepOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import org.slf4j.Logger;

/**
 * Paved's own records of a run ({@code RecordRun}, on the API's queue) for {@link
 * GoldenPathWorkflowImpl}. Bookkeeping is never cancelled (a cancellation takes effect at the next
 * step) and retries until the API answers; a refusal is logged, it must not stop the run. Workflow
 * code: it runs on the workflow's thread.
 */
final class RunRecords {

  /**
   * The change that records a run only where it starts, waits, changes status or ends, each record
   * in flight while the run goes on, instead of once per step and waiting for each: a step then
   * costs its own activity and one workflow task. Between records the API reads the run's progress
   * from its {@code progress} query (docs/workflow-changes.md).
   */
  static final String RECORDS_AT_WAITS = "records-at-waits";

  private static final Logger log = Workflow.getLogger(RunRecords.class);

  private final RunRecorder recorder =
      Workflow.newActivityStub(RunRecorder.class, StepOptions.forBookkeeping());
  private final RunState state;

  /** Whether this run records at its waits only ({@link #RECORDS_AT_WAITS}). */
  private boolean atWaits;

  /** The record in flight, when records run beside the run; the next one waits for it. */
  private Promise<Void> pending;

  /** The status of the newest record made. */
  private RunStatus recorded;

  RunRecords(RunState state) {
    this.state = state;
  }

  /** The run's first record; it decides, once per run, how the run records. */
  void first() {
    atWaits =
        Workflow.getVersion(RECORDS_AT_WAITS, Workflow.DEFAULT_VERSION, 1)
            != Workflow.DEFAULT_VERSION;
    record();
  }

  /** Whether records run beside the run ({@link #RECORDS_AT_WAITS}). */
  boolean atWaits() {
    return atWaits;
  }

  /**
   * After a step: before {@link #RECORDS_AT_WAITS} always; since, only when the status changed
   * (after an approval the run is running again, and its decisions are audited).
   */
  void afterStep() {
    if (!atWaits || state.status() != recorded) {
      record();
    }
  }

  /**
   * Records the progress. With {@link #RECORDS_AT_WAITS} the record runs beside the run: the next
   * record waits for it, so the newest snapshot is always the last one stored.
   */
  void record() {
    if (atWaits) {
      await();
    }
    RunProgress snapshot = state.snapshot();
    recorded = snapshot.status();
    if (atWaits) {
      Workflow.newDetachedCancellationScope(
              () -> pending = Async.procedure(recorder::recordRun, snapshot))
          .run();
      return;
    }
    Workflow.newDetachedCancellationScope(
            () -> {
              try {
                recorder.recordRun(snapshot);
              } catch (ActivityFailure e) {
                notRecorded(e);
              }
            })
        .run();
  }

  /** Waits for the record in flight, if any. */
  void await() {
    Promise<Void> inFlight = pending;
    pending = null;
    if (inFlight == null) {
      return;
    }
    try {
      inFlight.get();
    } catch (ActivityFailure e) {
      notRecorded(e);
    }
  }

  private static void notRecorded(ActivityFailure e) {
    log.warn("run progress not recorded: {}", StepError.from(e).message());
  }
}
