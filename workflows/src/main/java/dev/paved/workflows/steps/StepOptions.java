package dev.paved.workflows.steps;

import io.temporal.activity.ActivityCancellationType;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/**
 * Timeouts and retry policies of Paved's own activities, and of actions as their plan states them
 * ({@link StepLimits}; the API reads them from configuration).
 */
public final class StepOptions {

  /** How soon a waiting step whose worker stopped heartbeating is tried again elsewhere. */
  public static final Duration WAIT_HEARTBEAT_TIMEOUT = Duration.ofSeconds(10);

  /**
   * How soon a step that calls another system (or an undo) whose worker died is tried again
   * elsewhere: its worker heartbeats for it while it runs ({@code HeartbeatPump}), so a lost worker
   * costs this plus the step's first retry interval, not its start-to-close timeout.
   */
  public static final Duration STEP_HEARTBEAT_TIMEOUT = Duration.ofSeconds(6);

  private StepOptions() {}

  /**
   * Options for an action's forward activity: its plan's limits, or its class's defaults. A step
   * cut off by a cancel decision is abandoned, not cancelled on the server: a cancel command for an
   * activity that completed in the same instant is refused by the server (ACTIVITY_UNKNOWN) and
   * left the run stuck; the rollback undoes the step again once it can no longer be running.
   */
  public static ActivityOptions forAction(ActionSpec action) {
    return ActivityOptions.newBuilder(options(action, limitsOf(action)))
        .setCancellationType(ActivityCancellationType.ABANDON)
        .build();
  }

  /**
   * Whether the action runs as a local activity of the worker that runs the run's workflow task: a
   * workspace step (quick work on the run's files, no heartbeat) served on the run's own task queue
   * ({@code workflowQueue}). It costs no round trip through Temporal, and it runs in the process
   * that holds the run, beside the run's workspace.
   */
  public static boolean runsLocally(ActionSpec action, String workflowQueue) {
    StepLimits limits = limitsOf(action);
    return action.stepClass() == StepClass.WORKSPACE
        && limits.heartbeatTimeout() == null
        && workflowQueue.equals(action.taskQueue());
  }

  /** Options for an action run as a local activity ({@link #runsLocally}): its plan's limits. */
  public static LocalActivityOptions forLocalAction(ActionSpec action) {
    StepLimits limits = limitsOf(action);
    return LocalActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.parse(limits.startToClose()))
        .setRetryOptions(
            backoff(Duration.parse(limits.initialInterval()), Duration.ofMinutes(1))
                .setMaximumAttempts(limits.maximumAttempts())
                .setDoNotRetry(nonRetryable())
                .build())
        .build();
  }

  private static StepLimits limitsOf(ActionSpec action) {
    return action.limits() != null ? action.limits() : StepLimits.defaults(action.stepClass());
  }

  /** Options for an undo: more patient than the step, since giving up leaves something behind. */
  public static ActivityOptions forUndo(ActionSpec action) {
    StepLimits limits = action.undoLimits();
    return options(action, limits != null ? limits : StepLimits.undoDefaults());
  }

  /** Options for Paved's own bookkeeping on the API's queue: retried until the API answers. */
  public static ActivityOptions forBookkeeping() {
    return on(
            TaskQueues.API,
            Duration.ofSeconds(30),
            backoff(Duration.ofSeconds(1), Duration.ofMinutes(1)).build())
        .build();
  }

  /** Options for making a production-access grant: retried a while; a refusal is final. */
  public static ActivityOptions forGrant() {
    return on(
            TaskQueues.ACCESS,
            Duration.ofMinutes(1),
            backoff(Duration.ofSeconds(2), Duration.ofMinutes(1))
                .setMaximumAttempts(8)
                .setDoNotRetry(nonRetryable())
                .build())
        .build();
  }

  /**
   * Options for ending a grant: retried until it succeeds, whatever the error, since access must
   * never outlive its time.
   */
  public static ActivityOptions forRevoke() {
    return on(
            TaskQueues.ACCESS,
            Duration.ofMinutes(1),
            backoff(Duration.ofSeconds(2), Duration.ofMinutes(5)).build())
        .build();
  }

  /** Options for the workspace clean-up at the end of a run. */
  public static ActivityOptions forCleanup() {
    return on(
            TaskQueues.GOLDEN_PATH,
            Duration.ofMinutes(1),
            RetryOptions.newBuilder().setMaximumAttempts(3).build())
        .build();
  }

  /** Options for rendering a step's input: pure computation, so a failure is final. */
  public static LocalActivityOptions forRendering() {
    return LocalActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofSeconds(30))
        .setRetryOptions(
            RetryOptions.newBuilder().setMaximumAttempts(2).setDoNotRetry(nonRetryable()).build())
        .build();
  }

  private static ActivityOptions options(ActionSpec action, StepLimits limits) {
    ActivityOptions.Builder options =
        on(
            action.taskQueue(),
            Duration.parse(limits.startToClose()),
            backoff(Duration.parse(limits.initialInterval()), Duration.ofMinutes(1))
                .setMaximumAttempts(limits.maximumAttempts())
                .setDoNotRetry(nonRetryable())
                .build());
    if (limits.heartbeatTimeout() != null) {
      options.setHeartbeatTimeout(Duration.parse(limits.heartbeatTimeout()));
    }
    return options.build();
  }

  private static ActivityOptions.Builder on(
      String taskQueue, Duration startToClose, RetryOptions retry) {
    return ActivityOptions.newBuilder()
        .setTaskQueue(taskQueue)
        .setStartToCloseTimeout(startToClose)
        .setRetryOptions(retry);
  }

  /** Retries from {@code initial} apart, doubling (Temporal's default), at most {@code maximum}. */
  private static RetryOptions.Builder backoff(Duration initial, Duration maximum) {
    return RetryOptions.newBuilder()
        .setInitialInterval(initial)
        .setBackoffCoefficient(2)
        .setMaximumInterval(maximum);
  }

  /** The failure types no retry can fix: Paved's business failures ({@link FailureTypes}). */
  private static String[] nonRetryable() {
    return FailureTypes.NON_RETRYABLE.toArray(String[]::new);
  }
}
