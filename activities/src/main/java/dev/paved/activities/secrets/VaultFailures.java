package dev.paved.activities.secrets;

import dev.paved.activities.support.Effects;
import dev.paved.activities.support.RetryAfter;
import dev.paved.activities.support.StepFailures;
import dev.paved.workflows.steps.FailureTypes;
import io.github.jopenlibs.vault.rest.RestResponse;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Vault's answers as step failures: what Temporal retries and what it must not. A retryable answer
 * with {@code Retry-After} (Vault's rate-limit quotas answer 429 with it; a proxy in front of a
 * sealed or standby Vault may answer 503 with it) waits as long as it asks before the next attempt.
 */
final class VaultFailures {

  /** The longest wait a {@code Retry-After} may set; a longer one is taken as this. */
  static final Duration LONGEST_WAIT = RetryAfter.LONGEST_WAIT;

  private VaultFailures() {}

  /**
   * Returns when the status is one of {@code ok}; otherwise throws: 401/403 Unauthorized, 400 and
   * 404 InvalidInput (a path or mount Vault does not have), 5xx, 412 and 429 a retryable
   * Unavailable, anything else an unexpected error the step's policy retries.
   *
   * @param errors Vault's error text to quote, empty where the answer may concern values
   */
  static void check(String address, String what, RestResponse response, String errors, int... ok) {
    check(address, what, response, errors, false, ok);
  }

  /**
   * As {@link #check}, for the call that makes something: when the answer says for certain that it
   * made nothing (a 4xx, or a 503 from a sealed or standby Vault), the failure's cause is {@link
   * NothingMade}. Any other 5xx may come from a proxy after Vault acted, so it does not say so.
   */
  static void checkMaking(
      String address, String what, RestResponse response, String errors, int... ok) {
    check(address, what, response, errors, true, ok);
  }

  private static void check(
      String address,
      String what,
      RestResponse response,
      String errors,
      boolean making,
      int... ok) {
    int status = response.getStatus();
    for (int expected : ok) {
      if (status == expected) {
        return;
      }
    }
    Throwable cause = making && Effects.refusedWithoutMaking(status) ? new NothingMade() : null;
    String detail = errors.isBlank() ? "" : ": " + errors.strip();
    if (status == 401 || status == 403) {
      throw ApplicationFailure.newNonRetryableFailureWithCause(
          "Vault refused to "
              + what
              + " ("
              + status
              + ")"
              + detail
              + "; check Paved's Vault policy",
          FailureTypes.UNAUTHORIZED,
          cause);
    }
    if (status == 400 || status == 404) {
      throw ApplicationFailure.newNonRetryableFailureWithCause(
          "Vault refused to " + what + " (" + status + ")" + detail,
          FailureTypes.INVALID_INPUT,
          cause);
    }
    if (status == 503) {
      throw waiting(
          "Vault at " + address + " is sealed or unavailable (503); could not " + what,
          response,
          cause);
    }
    if (status >= 500 || status == 412 || status == 429) {
      throw waiting(
          "Vault at " + address + " answered " + status + "; could not " + what, response, cause);
    }
    throw new IllegalStateException("Vault answered " + status + " to " + what + detail, cause);
  }

  /**
   * A retryable failure that waits as long as the answer's {@code Retry-After} asks, if it does.
   */
  private static ApplicationFailure waiting(
      String message, RestResponse response, Throwable cause) {
    Optional<Duration> wait =
        response instanceof VaultSession.Answer answer ? answer.retryAfter() : Optional.empty();
    if (wait.isEmpty()) {
      return StepFailures.unavailable(message, cause);
    }
    ApplicationFailure failure =
        StepFailures.unavailable(
            message + "; Vault asks to wait " + wait.get().toSeconds() + " s", cause);
    failure.setNextRetryDelay(wait.get());
    return failure;
  }

  static Optional<Duration> retryAfter(String value, Instant now) {
    return RetryAfter.parse(value, now);
  }
}
