package dev.paved.workflows.steps;

import io.temporal.activity.ActivityExecutionContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A forward activity's record of what it makes, kept on the activity's thread: {@link #intend}
 * before each call that makes something, {@link #made} after the answer that it exists, {@link
 * #notMade} after an answer that says for certain it does not (a refused connection, a 4xx, a 503
 * on the making call). Each change is sent as the activity's heartbeat details, so the next attempt
 * starts from it; the SDK also sends the latest details with a failed attempt. {@link
 * AttemptInterceptor} opens it around each activity and puts it in the result or the failure, where
 * the workflow reads it to decide whether an undo has anything to remove.
 *
 * <p>An activity that never calls {@link #track} reports nothing, and its undo always runs.
 */
public final class EffectsLedger {

  private static final ThreadLocal<EffectsLedger> CURRENT = new ThreadLocal<>();

  private final ActivityExecutionContext context;
  private final Set<String> made = new LinkedHashSet<>();
  private final Set<String> intended = new LinkedHashSet<>();

  /** Intents inherited from an earlier attempt: only a made answer clears them. */
  private final Set<String> inherited = new LinkedHashSet<>();

  private boolean tracked;
  private boolean unsure;
  private int attempt = 1;

  private EffectsLedger(ActivityExecutionContext context) {
    this.context = context;
  }

  /** Opens a ledger for the activity running on this thread (the worker's interceptor does). */
  static EffectsLedger open(ActivityExecutionContext context) {
    EffectsLedger ledger = new EffectsLedger(context);
    CURRENT.set(ledger);
    return ledger;
  }

  static void close() {
    CURRENT.remove();
  }

  /**
   * The ledger of the activity on this thread, now tracked: its effects will be reported. Outside a
   * worker (a unit test calling an activity directly) a ledger that reports to nobody.
   */
  public static EffectsLedger track() {
    EffectsLedger ledger = CURRENT.get();
    if (ledger == null) {
      ledger = new EffectsLedger(null);
    }
    ledger.start();
    return ledger;
  }

  private void start() {
    if (tracked) {
      return;
    }
    tracked = true;
    if (context == null) {
      return;
    }
    attempt = context.getInfo().getAttempt();
    StepEffects before = null;
    try {
      before = context.getHeartbeatDetails(StepEffects.class).orElse(null);
    } catch (RuntimeException otherDetails) {
      unsure = attempt > 1; // details of another kind: what came before is unknown
    }
    if (before != null) {
      made.addAll(before.made());
      inherited.addAll(before.intended());
      unsure = before.unsure() || !before.closed() || before.attempt() != attempt - 1;
    } else if (attempt > 1) {
      unsure = true; // an earlier attempt ended without reporting: a crash or a timeout
    }
  }

  /** About to send the call that makes {@code what}. */
  public void intend(String what) {
    if (!made.contains(what) && intended.add(what)) {
      report(false);
    }
  }

  /** The system answered that {@code what} exists. */
  public void made(String what) {
    intended.remove(what);
    inherited.remove(what);
    if (made.add(what)) {
      report(false);
    }
  }

  /**
   * The system answered that {@code what} was not made by this attempt's call. An intent from an
   * earlier attempt stays: that attempt's call may have made it.
   */
  public void notMade(String what) {
    if (intended.remove(what)) {
      report(false);
    }
  }

  /**
   * Whether an earlier attempt of this step was about to make {@code what} and ended without
   * hearing whether it did (its worker died, or its call timed out): what exists may be its own.
   */
  public boolean intendedEarlier(String what) {
    return inherited.contains(what);
  }

  /** What the ledger holds, or null when the activity does not track its effects. */
  StepEffects effects(boolean closing) {
    if (!tracked) {
      return null;
    }
    List<String> maybe = new ArrayList<>(inherited);
    intended.stream().filter(i -> !maybe.contains(i)).forEach(maybe::add);
    return new StepEffects(new ArrayList<>(made), maybe, unsure, attempt, closing);
  }

  /** Sends the record as the activity's heartbeat (the last one goes with a failure). */
  void report(boolean closing) {
    if (context != null && tracked) {
      context.heartbeat(effects(closing));
    }
  }

  /** The closing report of a failed attempt; a cancelled activity's refusal is ignored. */
  void reportClosing() {
    try {
      report(true);
    } catch (RuntimeException cancelledOrGone) {
      // the failure itself still carries the record
    }
  }

  /** The ledger of the activity on this thread, or null (for the interceptor). */
  static EffectsLedger current() {
    return CURRENT.get();
  }

  /** Convenience for an activity's code: the current ledger if tracked, else a silent one. */
  public static EffectsLedger currentOrSilent() {
    EffectsLedger ledger = CURRENT.get();
    return ledger != null && ledger.tracked ? ledger : new EffectsLedger(null);
  }
}
