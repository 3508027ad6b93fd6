package dev.paved.activities.secrets;

/**
 * The cause a store puts on the failure of a making call whose answer says for certain that the
 * call made nothing (Vault refused it with a 4xx, or answered 503: sealed or on standby). Without
 * it, a failed making call may have made what it was sending. It carries no message, so the step's
 * error reads as before, and no stack trace.
 */
final class NothingMade extends RuntimeException {

  NothingMade() {
    super(null, null, false, false);
  }

  /** Whether {@code failure} says that its call made nothing. */
  static boolean in(Throwable failure) {
    return failure.getCause() instanceof NothingMade;
  }
}
