package dev.paved.workflows.goldenpath;

import dev.paved.workflows.goldenpath.UndoProgress.Status;
import dev.paved.workflows.steps.StepLimits;
import dev.paved.workflows.steps.StepOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import org.slf4j.Logger;

/**
 * Undoes what a run made, newest first, so that one system that is down holds no other undo back:
 * an undo whose step made nothing is skipped; each other one gets a first pass (its plan's {@code
 * maximumAttempts}); those that fail it are tried again later, on durable timers up to {@link
 * StepLimits#laterMaximum()} apart, while the run shows {@code ROLLING_BACK}, until they are done
 * or {@link StepLimits#laterWindow()} has passed. A rollback decision wakes the later tries at
 * once. Workflow code.
 */
final class Rollback {

  /** The first wait before a later try (shorter if the plan's longest wait is shorter). */
  static final Duration FIRST_LATER_WAIT = Duration.ofMinutes(1);

  private static final Logger log = Workflow.getLogger(Rollback.class);

  private final RunState state;
  private final Decisions decisions;
  private final Runnable record;

  Rollback(RunState state, Decisions decisions, Runnable record) {
    this.state = state;
    this.decisions = decisions;
    this.record = record;
  }

  /** Undoes every registered undo; true when nothing is left, false when time ran out. */
  boolean run(Deque<Undo> undos) {
    List<Undo> left = new ArrayList<>();
    List<Undo> cutOff = new ArrayList<>();
    while (!undos.isEmpty()) {
      Undo undo = undos.pop();
      if (!undo.needed()) {
        state.undo(undo.index, new UndoProgress(Status.NOTHING_TO_UNDO, 0, null, null, List.of()));
        record.run();
        continue;
      }
      if (!attempt(undo)) {
        left.add(undo);
      } else if (undo.cutOffAt != null) {
        cutOff.add(undo);
      }
      record.run(); // the next undo runs even if this record cannot be made
    }
    undoAgainOnceOver(cutOff, left);
    return left.isEmpty() || later(left);
  }

  /**
   * A step cut off by a cancellation may still be making things (its activity is abandoned, not
   * stopped: it runs to its own end): once it can no longer be running, its undo runs again, so
   * nothing it made after the first undo stays behind.
   */
  private void undoAgainOnceOver(List<Undo> cutOff, List<Undo> left) {
    if (cutOff.isEmpty()) {
      return;
    }
    long over = cutOff.stream().mapToLong(Undo::stepSurelyOverAt).max().orElse(now());
    for (Undo undo : cutOff) {
      state.undo(
          undo.index,
          progress(
              undo, Status.RETRYING, "its step was cut off while running: undone again", over));
    }
    record.run();
    Workflow.sleep(Duration.ofMillis(Math.max(0, over - now())));
    for (Undo undo : cutOff) {
      if (!attempt(undo)) {
        left.add(undo);
      }
    }
    record.run();
  }

  /** The later tries of the undos left, newest first in each round. */
  private boolean later(List<Undo> left) {
    StepLimits limits = limits(left.get(0));
    Duration longest = limits.laterMaximum();
    long deadline = now() + limits.laterWindow().toMillis();
    Duration wait = FIRST_LATER_WAIT.compareTo(longest) < 0 ? FIRST_LATER_WAIT : longest;
    state.rollingBack();
    decisions.rollingBack();
    while (true) {
      long next = Math.min(now() + wait.toMillis(), deadline);
      for (Undo undo : left) {
        state.undo(undo.index, progress(undo, Status.RETRYING, lastError(undo), next));
      }
      log.info("run rolling back: {} left, next try in {}", left.size(), wait);
      record.run();
      Workflow.await(Duration.ofMillis(Math.max(0, next - now())), decisions::tryNowAsked);
      decisions.tried();
      for (Iterator<Undo> it = left.iterator(); it.hasNext(); ) {
        if (attempt(it.next())) {
          it.remove();
        }
      }
      if (left.isEmpty()) {
        decisions.ending();
        record.run();
        return true;
      }
      if (now() >= deadline) {
        for (Undo undo : left) {
          state.undo(undo.index, progress(undo, Status.GAVE_UP, lastError(undo), null));
        }
        decisions.ending();
        state.gaveUp(limits.laterWindow().toString());
        log.warn("run gave up undoing: {}", state.leftovers());
        return false;
      }
      wait = wait.multipliedBy(2).compareTo(longest) < 0 ? wait.multipliedBy(2) : longest;
    }
  }

  /** One pass of the undo (a few attempts); true when it is done. */
  private boolean attempt(Undo undo) {
    state.undo(undo.index, progress(undo, Status.UNDOING, lastError(undo), null));
    try {
      Workflow.newUntypedActivityStub(StepOptions.forUndo(undo.action))
          .execute(undo.action.undoActivityType(), Void.class, undo.request);
      undo.attempts++;
      state.undo(undo.index, progress(undo, Status.UNDONE, null, null));
      return true;
    } catch (ActivityFailure e) {
      StepError error = StepError.from(e);
      undo.attempts += Math.max(1, error.attempts());
      undo.lastError = error.message();
      state.undo(undo.index, progress(undo, Status.RETRYING, error.message(), null));
      return false;
    }
  }

  private static UndoProgress progress(Undo undo, Status status, String error, Long next) {
    return new UndoProgress(status, undo.attempts, error, next, undo.effects());
  }

  private static String lastError(Undo undo) {
    return undo.lastError;
  }

  private static StepLimits limits(Undo undo) {
    return undo.action.undoLimits() != null ? undo.action.undoLimits() : StepLimits.undoDefaults();
  }

  private static long now() {
    return Workflow.currentTimeMillis();
  }
}
