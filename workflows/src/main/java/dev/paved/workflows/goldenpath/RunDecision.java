package dev.paved.workflows.goldenpath;

import java.util.List;

/**
 * A decision about a run that needed attention (or was cancelled), as its history shows it.
 *
 * @param step the step that had failed, or null for a cancellation of a running run
 * @param decidedBy the user who decided, or null when the pause timed out
 * @param at epoch milliseconds, workflow time
 * @param changedParameters the names of the parameters a retry corrected (never their values)
 */
public record RunDecision(
    Kind kind, String step, String decidedBy, long at, List<String> changedParameters) {

  public RunDecision {
    changedParameters = changedParameters == null ? List.of() : List.copyOf(changedParameters);
  }

  /** What was decided. */
  public enum Kind {
    /** Run the failed step again (possibly with corrected parameters) and go on. */
    RETRY,
    /** Undo what was made; the run ends {@code ROLLED_BACK}. */
    ROLLBACK,
    /** Stop and undo what was made; the run ends {@code CANCELLED}. */
    CANCEL,
    /** Nobody decided within the template's {@code pauseTimeout}: rolled back. */
    PAUSE_TIMEOUT
  }
}
