package dev.paved.workflows.goldenpath;

import dev.paved.workflows.steps.FailureTypes;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.Map;

/**
 * {@code debug:wait}'s input as a duration: {@code minutes}, {@code seconds} and {@code
 * milliseconds} added up, as Backstage reads them. The workflow waits on a durable timer, so the
 * cap is longer than Backstage's 30 seconds, but a run still holds its service's name while it
 * waits.
 */
public final class DebugWait {

  public static final Duration MAX = Duration.ofMinutes(10);

  private static final Map<String, Long> UNITS =
      Map.of("minutes", 60_000L, "seconds", 1_000L, "milliseconds", 1L);

  private DebugWait() {}

  /** The wait; an InvalidInput failure when a value is not a number or the total is too long. */
  public static Duration duration(Map<String, Object> input) {
    double millis = 0;
    for (Map.Entry<String, Object> entry : input.entrySet()) {
      Long unit = UNITS.get(entry.getKey());
      if (unit == null) {
        throw invalid("unknown input '" + entry.getKey() + "' (minutes, seconds, milliseconds)");
      }
      double value = number(entry.getKey(), entry.getValue());
      if (value < 0) {
        throw invalid(entry.getKey() + " must not be negative");
      }
      millis += value * unit;
    }
    if (millis > MAX.toMillis()) {
      throw invalid("waiting is longer than the maximum of " + MAX.toMinutes() + " minutes");
    }
    return Duration.ofMillis(Math.round(millis));
  }

  private static double number(String field, Object value) {
    if (value instanceof Number n) {
      return checkFinite(field, n.doubleValue());
    }
    try {
      return checkFinite(field, Double.parseDouble(String.valueOf(value).trim()));
    } catch (NumberFormatException e) {
      throw invalid(field + " must be a number, got '" + value + "'");
    }
  }

  private static double checkFinite(String field, double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw invalid(field + " must be a number");
    }
    return value;
  }

  private static ApplicationFailure invalid(String message) {
    return ApplicationFailure.newNonRetryableFailure(
        "debug:wait: " + message, FailureTypes.INVALID_INPUT);
  }
}
