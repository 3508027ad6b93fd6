package dev.paved.activities.support;

import dev.paved.workflows.steps.EffectsLedger;
import java.util.function.Supplier;

/**
 * How a forward action reports what it makes, so that the rollback undoes only what may exist
 * ({@link EffectsLedger}): {@link #track} when the action starts, then {@link #making} around each
 * call that makes something. An answer that says for certain the call made nothing (a 4xx refusal,
 * 429 or 503) clears the intent; no answer at all (a timeout, a reset) leaves it: the call may have
 * made it.
 */
public final class Effects {

  private Effects() {}

  /** The action reports what it makes from here on; until {@link #making}, nothing. */
  public static void track() {
    EffectsLedger.track();
  }

  /** About to make {@code what}. */
  public static void intend(String what) {
    EffectsLedger.currentOrSilent().intend(what);
  }

  /** {@code what} exists now. */
  public static void made(String what) {
    EffectsLedger.currentOrSilent().made(what);
  }

  /**
   * Whether an earlier attempt of this step was about to make {@code what} and never heard whether
   * it did; false when effects are not tracked.
   */
  public static boolean intendedEarlier(String what) {
    return EffectsLedger.currentOrSilent().intendedEarlier(what);
  }

  /** The system answered that the call made nothing. */
  public static void notMade(String what) {
    EffectsLedger.currentOrSilent().notMade(what);
  }

  /**
   * Runs {@code call}, which makes {@code what} when it returns; an exception leaves the intent
   * (the call may have made it) unless the caller cleared it with {@link #notMade}.
   */
  public static <T> T making(String what, Supplier<T> call) {
    intend(what);
    T result = call.get();
    made(what);
    return result;
  }

  /** Whether an HTTP answer to a making call says for certain that nothing was made. */
  public static boolean refusedWithoutMaking(int status) {
    return (status >= 400 && status < 500) || status == 503;
  }
}
