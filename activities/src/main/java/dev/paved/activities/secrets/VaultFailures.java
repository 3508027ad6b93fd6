package dev.paved.activities.secrets;

import dev.paved.activities.support.StepFailures;
import io.github.jopenlibs.vault.rest.RestResponse;

/** Vault's answers as step failures: what Temporal retries and what it must not. */
final class VaultFailures {

  private VaultFailures() {}

  /**
   * Returns when the status is one of {@code ok}; otherwise throws: 401/403 Unauthorized, 400 and
   * 404 InvalidInput (a path or mount Vault does not have), 5xx, 412 and 429 a retryable
   * Unavailable, anything else an unexpected error the step's policy retries.
   *
   * @param errors Vault's error text to quote, empty where the answer may concern values
   */
  static void check(String address, String what, RestResponse response, String errors, int... ok) {
    int status = response.getStatus();
    for (int expected : ok) {
      if (status == expected) {
        return;
      }
    }
    String detail = errors.isBlank() ? "" : ": " + errors.strip();
    if (status == 401 || status == 403) {
      throw StepFailures.unauthorized(
          "Vault refused to "
              + what
              + " ("
              + status
              + ")"
              + detail
              + "; check Paved's Vault policy");
    }
    if (status == 400 || status == 404) {
      throw StepFailures.invalidInput("Vault refused to " + what + " (" + status + ")" + detail);
    }
    if (status == 503) {
      throw StepFailures.unavailable(
          "Vault at " + address + " is sealed or unavailable (503); could not " + what, null);
    }
    if (status >= 500 || status == 412 || status == 429) {
      throw StepFailures.unavailable(
          "Vault at " + address + " answered " + status + "; could not " + what, null);
    }
    throw new IllegalStateException("Vault answered " + status + " to " + what + detail);
  }
}
