package dev.paved.workflows.steps;

import java.time.Duration;

/**
 * The timeouts and retries of one step (or undo), as frozen into a run's plan. Durations are
 * ISO-8601 strings, so every JSON mapper reads them back.
 *
 * @param heartbeatTimeout null for a step that does not heartbeat
 */
public record StepLimits(
    String startToClose, String initialInterval, int maximumAttempts, String heartbeatTimeout) {

  /** The values of each step class before they became configuration; defaults of the API's. */
  public static StepLimits defaults(StepClass stepClass) {
    return switch (stepClass) {
      case WORKSPACE -> of(Duration.ofMinutes(2), Duration.ofSeconds(1), 3, null);
      case EXTERNAL -> of(Duration.ofMinutes(5), Duration.ofSeconds(2), 8, null);
      case SYNTH -> of(Duration.ofMinutes(5), Duration.ofSeconds(2), 3, null);
      case WAIT ->
          of(Duration.ofMinutes(11), Duration.ofSeconds(1), 5, StepOptions.WAIT_HEARTBEAT_TIMEOUT);
    };
  }

  /** The undo's values before they became configuration: more patient than any step. */
  public static StepLimits undoDefaults() {
    return of(Duration.ofMinutes(5), Duration.ofSeconds(2), 12, null);
  }

  public static StepLimits of(
      Duration startToClose, Duration initialInterval, int maximumAttempts, Duration heartbeat) {
    return new StepLimits(
        startToClose.toString(),
        initialInterval.toString(),
        maximumAttempts,
        heartbeat == null ? null : heartbeat.toString());
  }
}
