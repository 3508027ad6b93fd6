package dev.paved.workflows.goldenpath;

import dev.paved.workflows.approval.ApprovalFailures;
import dev.paved.workflows.goldenpath.RunDecision.Kind;
import dev.paved.workflows.steps.TemplatePlan;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;

/**
 * The operator's side of a run: the pause after a step failed for good, and the decisions (retry,
 * rollback, cancel) that end it or cancel a running run. Validators run before an update enters
 * history, so a refusal leaves no trace; they refuse as every validator does ({@link
 * ApprovalFailures}); handlers only note the decision, the run acts on it.
 */
final class Decisions {

  private enum Phase {
    /** Steps are running: only a cancellation fits. */
    RUNNING,
    /** Waiting on a failed step for a decision. */
    PAUSED,
    /** Undoing, or writing the end: nothing fits any more. */
    ENDING,
    /** Some undo is left for later tries: a rollback decision tries it at once. */
    ROLLING_BACK
  }

  private static final Logger log = Workflow.getLogger(Decisions.class);

  private final RunState state;
  private final String runId;
  private Phase phase = Phase.RUNNING;
  private Kind decided;
  private Map<String, Object> retryParameters;
  private boolean cancelRequested;
  private boolean tryNow;

  Decisions(RunState state, String runId) {
    this.state = state;
    this.runId = runId;
  }

  void validateRetry(DecisionRequest request) {
    requireDecider(request);
    requirePaused("retried");
  }

  void validateRollback(DecisionRequest request) {
    requireDecider(request);
    if (phase == Phase.ROLLING_BACK) {
      return; // tries what is left at once
    }
    if (phase == Phase.RUNNING) {
      throw refused(
          "run " + runId + " is running: cancel it instead (it stops after the current step)");
    }
    requirePaused("rolled back");
  }

  void validateCancel(DecisionRequest request) {
    requireDecider(request);
    if (phase == Phase.ENDING || phase == Phase.ROLLING_BACK) {
      throw refused("run " + runId + " is already ending (undoing what it made, or finishing)");
    }
    if (cancelRequested) {
      throw refused("run " + runId + " is already being cancelled");
    }
  }

  RunProgress retry(DecisionRequest request, Map<String, Object> current) {
    retryParameters = request.parameters();
    decide(Kind.RETRY, request.decidedBy(), changed(current, request.parameters()));
    phase = Phase.RUNNING;
    state.resumed();
    return state.snapshot();
  }

  RunProgress rollback(DecisionRequest request) {
    if (phase == Phase.ROLLING_BACK) {
      log.info("run {}: {} asks to try what is left to undo now", runId, request.decidedBy());
      tryNow = true;
      state.noted(new RunDecision(Kind.ROLLBACK, null, request.decidedBy(), now(), null));
      return state.snapshot();
    }
    decide(Kind.ROLLBACK, request.decidedBy(), List.of());
    return state.snapshot();
  }

  /** Some undo is left for later tries: a rollback decision may now wake them. */
  void rollingBack() {
    phase = Phase.ROLLING_BACK;
  }

  /** Whether an operator asked to try what is left now. */
  boolean tryNowAsked() {
    return tryNow;
  }

  /** The later tries woke (by their timer or by a decision). */
  void tried() {
    tryNow = false;
  }

  RunProgress cancel(DecisionRequest request) {
    if (phase == Phase.PAUSED) {
      decide(Kind.CANCEL, request.decidedBy(), List.of());
    } else {
      // The running step is cut off at once (runs recorded before: after it ends).
      cancelRequested = true;
      log.info("run {}: cancelled by {}", runId, request.decidedBy());
      state.decided(new RunDecision(Kind.CANCEL, null, request.decidedBy(), now(), null));
    }
    return state.snapshot();
  }

  /**
   * Pauses the run on its failed step (the caller has marked it failed) until an operator decides
   * or the timeout passes, which counts as a rollback. {@code record} runs once the pause shows.
   */
  Kind pause(String pauseTimeout, Runnable record) {
    Duration timeout = timeout(pauseTimeout);
    long deadline = now() + timeout.toMillis();
    decided = null;
    retryParameters = null;
    phase = Phase.PAUSED;
    state.paused(deadline);
    record.run();
    boolean answered =
        Workflow.await(Duration.ofMillis(Math.max(0, deadline - now())), () -> decided != null);
    if (!answered) {
      phase = Phase.ENDING;
      decided = Kind.PAUSE_TIMEOUT;
      state.decided(new RunDecision(decided, state.failedStep(), null, now(), null));
      state.timedOut(pauseTimeout);
    }
    return decided;
  }

  /** The parameters a retry brought, or null to keep the run's. */
  Map<String, Object> retryParameters() {
    return retryParameters;
  }

  /** Whether an operator cancelled the run (running or paused). */
  boolean cancelled() {
    return cancelRequested || decided == Kind.CANCEL;
  }

  /** The run is ending (undoing, or every step done): no decision fits any more. */
  void ending() {
    phase = Phase.ENDING;
  }

  private void decide(Kind kind, String decidedBy, List<String> changedParameters) {
    log.info("run {}: {} decided by {}", runId, kind, decidedBy);
    decided = kind;
    if (kind != Kind.RETRY) {
      phase = Phase.ENDING;
    }
    state.decided(new RunDecision(kind, state.failedStep(), decidedBy, now(), changedParameters));
  }

  private void requirePaused(String what) {
    if (phase == Phase.ROLLING_BACK) {
      throw refused(
          "run "
              + runId
              + " is rolling back (some undos are left for later tries): only a run that needs"
              + " attention can be "
              + what);
    }
    if (phase == Phase.RUNNING) {
      throw refused("run " + runId + " is running: only a run that needs attention can be " + what);
    }
    if (phase == Phase.ENDING) {
      throw refused(
          "run "
              + runId
              + " is ending (undoing what it made, or finishing): only a run that needs attention"
              + " can be "
              + what);
    }
  }

  private static void requireDecider(DecisionRequest request) {
    if (request == null || request.decidedBy() == null || request.decidedBy().isBlank()) {
      throw ApprovalFailures.invalid("a decision must name the user who takes it");
    }
  }

  /** The names (never the values) of the parameters a retry changes, sorted. */
  private static List<String> changed(Map<String, Object> before, Map<String, Object> after) {
    if (after == null) {
      return List.of();
    }
    Set<String> names = new HashSet<>(before.keySet());
    names.addAll(after.keySet());
    return List.copyOf(
        new TreeSet<>(
            names.stream().filter(n -> !Objects.equals(before.get(n), after.get(n))).toList()));
  }

  /** The template's {@code pauseTimeout}; the loader checked it, a week if it is unreadable. */
  private static Duration timeout(String pauseTimeout) {
    try {
      Duration timeout = Duration.parse(pauseTimeout);
      return timeout.isNegative() ? Duration.ZERO : timeout;
    } catch (RuntimeException unreadable) {
      return Duration.parse(TemplatePlan.DEFAULT_PAUSE_TIMEOUT);
    }
  }

  private static RuntimeException refused(String message) {
    return ApprovalFailures.conflict(message);
  }

  private static long now() {
    return Workflow.currentTimeMillis();
  }
}
