package dev.paved.workflows.goldenpath;

import java.util.List;

/**
 * The undo of one step, once the run rolls back: shown beside the step like the step's own state.
 *
 * @param attempts attempts made so far, over the first pass and the later tries
 * @param error the last attempt's error while it is not done, or null
 * @param nextTryAt when the next try starts (epoch milliseconds) while it is {@code RETRYING}
 * @param effects what the step reported it may have made (where to look when something is left);
 *     empty when the step does not report it
 */
public record UndoProgress(
    Status status, int attempts, String error, Long nextTryAt, List<String> effects) {

  /** Where one undo stands. */
  public enum Status {
    /** Running its first pass (or a later try). */
    UNDOING,
    /** Done: what the step made is gone. */
    UNDONE,
    /** Skipped: the step reported it made nothing, so there is nothing to remove. */
    NOTHING_TO_UNDO,
    /** Its first pass failed: it is tried again later, and the rollback went on with the rest. */
    RETRYING,
    /** Its time ran out: what the step made may still be there. */
    GAVE_UP
  }

  public UndoProgress {
    effects = effects == null ? List.of() : List.copyOf(effects);
  }

  /** Whether it is left to do (failed so far, or gave up). */
  public boolean left() {
    return status == Status.RETRYING || status == Status.GAVE_UP;
  }
}
