package dev.paved.activities.support;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * An HTTP {@code Retry-After} value (RFC 9110: delay seconds or an HTTP date) as the wait before a
 * step's next attempt, for the adapters of systems that send it (Vault, Grafana; GitHub's
 * rate-limit headers have their own reading).
 */
public final class RetryAfter {

  /** The longest wait a {@code Retry-After} may set; a longer one is taken as this. */
  public static final Duration LONGEST_WAIT = Duration.ofMinutes(10);

  private RetryAfter() {}

  /**
   * The wait {@code value} asks for, at least a second and at most {@link #LONGEST_WAIT}; empty
   * when absent or unreadable.
   */
  public static Optional<Duration> parse(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    Duration wait;
    try {
      wait = Duration.ofSeconds(Long.parseLong(value.strip()));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at =
            ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        wait = Duration.between(now, at);
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
    if (wait.compareTo(Duration.ofSeconds(1)) < 0) {
      wait = Duration.ofSeconds(1);
    }
    return Optional.of(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait);
  }
}
