package dev.paved.workflows.steps;

import java.time.Duration;

/**
 * The timeouts and retries of one step (or undo), as frozen into a run's plan. Durations are
 * ISO-8601 strings, so every JSON mapper reads them back.
 *
 * @param heartbeatTimeout null for a step that does not heartbeat
 * @param laterMaximumInterval for an undo: after its first pass ({@code maximumAttempts}) failed,
 *     the longest wait between the later tries; null (plans made before it) for {@link
 *     #DEFAULT_LATER_MAXIMUM_INTERVAL}
 * @param laterFor for an undo: how long the later tries go on before the run gives up and ends
 *     {@code FAILED} naming what is left; null for {@link #DEFAULT_LATER_FOR}
 */
public record StepLimits(
    String startToClose,
    String initialInterval,
    int maximumAttempts,
    String heartbeatTimeout,
    String laterMaximumInterval,
    String laterFor) {

  /** An hour between the later tries of an undo, at most. */
  public static final Duration DEFAULT_LATER_MAXIMUM_INTERVAL = Duration.ofHours(1);

  /** A week of later tries: a system down over a long weekend still gets its undo. */
  public static final Duration DEFAULT_LATER_FOR = Duration.ofDays(7);

  /** Limits without later tries (a step's, or an undo's planned before they existed). */
  public StepLimits(
      String startToClose, String initialInterval, int maximumAttempts, String heartbeatTimeout) {
    this(startToClose, initialInterval, maximumAttempts, heartbeatTimeout, null, null);
  }

  /** The values of each step class before they became configuration; defaults of the API's. */
  public static StepLimits defaults(StepClass stepClass) {
    return switch (stepClass) {
      case WORKSPACE -> of(Duration.ofMinutes(2), Duration.ofSeconds(1), 3, null);
      case EXTERNAL ->
          of(Duration.ofMinutes(5), Duration.ofSeconds(2), 8, StepOptions.STEP_HEARTBEAT_TIMEOUT);
      case SYNTH ->
          of(Duration.ofMinutes(5), Duration.ofSeconds(2), 3, StepOptions.STEP_HEARTBEAT_TIMEOUT);
      case WAIT ->
          of(Duration.ofMinutes(11), Duration.ofSeconds(1), 5, StepOptions.WAIT_HEARTBEAT_TIMEOUT);
    };
  }

  /**
   * An undo's defaults: a first pass of 4 attempts (about 15 seconds), so one system that is down
   * does not hold the other undos back; then later tries up to an hour apart for a week.
   */
  public static StepLimits undoDefaults() {
    return undo(
        Duration.ofMinutes(5),
        Duration.ofSeconds(2),
        4,
        StepOptions.STEP_HEARTBEAT_TIMEOUT,
        DEFAULT_LATER_MAXIMUM_INTERVAL,
        DEFAULT_LATER_FOR);
  }

  public static StepLimits of(
      Duration startToClose, Duration initialInterval, int maximumAttempts, Duration heartbeat) {
    return new StepLimits(
        startToClose.toString(),
        initialInterval.toString(),
        maximumAttempts,
        heartbeat == null ? null : heartbeat.toString());
  }

  /** An undo's limits: its first pass, then its later tries. */
  public static StepLimits undo(
      Duration startToClose,
      Duration initialInterval,
      int maximumAttempts,
      Duration heartbeat,
      Duration laterMaximumInterval,
      Duration laterFor) {
    return new StepLimits(
        startToClose.toString(),
        initialInterval.toString(),
        maximumAttempts,
        heartbeat == null ? null : heartbeat.toString(),
        laterMaximumInterval.toString(),
        laterFor.toString());
  }

  /** The longest wait between an undo's later tries. */
  public Duration laterMaximum() {
    return parse(laterMaximumInterval, DEFAULT_LATER_MAXIMUM_INTERVAL);
  }

  /** How long an undo's later tries go on. */
  public Duration laterWindow() {
    return parse(laterFor, DEFAULT_LATER_FOR);
  }

  private static Duration parse(String value, Duration otherwise) {
    try {
      return value == null ? otherwise : Duration.parse(value);
    } catch (RuntimeException unreadable) {
      return otherwise;
    }
  }
}
