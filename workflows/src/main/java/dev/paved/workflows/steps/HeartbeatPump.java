package dev.paved.workflows.steps;

import com.uber.m3.tally.Scope;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.activity.ActivityInfo;
import io.temporal.activity.ManualActivityCompletionClient;
import io.temporal.client.ActivityCanceledException;
import io.temporal.client.ActivityCompletionException;
import io.temporal.client.WorkflowClient;
import io.temporal.common.CancellationToken;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Heartbeats a running step for it, so a step that calls another system needs no code of its own to
 * be taken over quickly: while the step runs, its worker tells Temporal it is alive every quarter
 * of the step's heartbeat timeout, and when the worker dies another worker retries the step once
 * that timeout has passed, not after the step's whole start-to-close timeout.
 *
 * <p>The step sees this as its {@link ActivityExecutionContext}. Its own heartbeats (the effects
 * ledger's record, {@code debug:wait}'s end time) go through as they are, and the pump repeats the
 * latest of them, so what the next attempt reads is always what the step last said. Until the step
 * has said anything, the pump repeats what the attempt before it said, and the step still reads
 * that earlier attempt's details in their own type.
 */
final class HeartbeatPump implements ActivityExecutionContext {

  // Two threads: a beat the SDK does not throttle is sent on the calling thread, and one slow
  // answer from Temporal must not hold every other step's beat back.
  private static final ScheduledExecutorService BEATS =
      Executors.newScheduledThreadPool(
          2,
          runnable -> {
            Thread thread = new Thread(runnable, "paved-step-heartbeats");
            thread.setDaemon(true);
            return thread;
          });

  /** Beats at least this often, whatever the timeout, so a long timeout still sees a live step. */
  private static final Duration MOST_APART = Duration.ofSeconds(5);

  private final ActivityExecutionContext context;
  private final Object lock = new Object();
  private boolean ownBeat;
  private Object ownDetails;
  private ScheduledFuture<?> beating;

  private HeartbeatPump(ActivityExecutionContext context) {
    this.context = context;
  }

  /**
   * The context a step runs with: a pumping one for an activity scheduled through Temporal with a
   * heartbeat timeout; the context as it is for a local activity or a step without one.
   */
  static ActivityExecutionContext around(ActivityExecutionContext context) {
    ActivityInfo info = context.getInfo();
    Duration timeout = info.getHeartbeatTimeout();
    if (info.isLocal() || timeout == null || timeout.isZero()) {
      return context;
    }
    return new HeartbeatPump(context);
  }

  /** How far apart the pump beats for a heartbeat timeout. */
  static Duration interval(Duration heartbeatTimeout) {
    Duration quarter = heartbeatTimeout.dividedBy(4);
    Duration interval = quarter.compareTo(MOST_APART) > 0 ? MOST_APART : quarter;
    return interval.isZero() ? Duration.ofMillis(1) : interval;
  }

  /** Starts beating; {@link #stop} when the step has ended. */
  void start() {
    long every = interval(context.getInfo().getHeartbeatTimeout()).toMillis();
    synchronized (lock) {
      beating = BEATS.scheduleAtFixedRate(this::beat, every, every, TimeUnit.MILLISECONDS);
    }
  }

  void stop() {
    synchronized (lock) {
      if (beating != null) {
        beating.cancel(false);
        beating = null;
      }
    }
  }

  /** Starts the pump of {@code context} if it is one; returns what {@link #stopAll} takes. */
  static HeartbeatPump startIfPumping(ActivityExecutionContext context) {
    if (context instanceof HeartbeatPump pump) {
      pump.start();
      return pump;
    }
    return null;
  }

  private void beat() {
    Object details;
    synchronized (lock) {
      if (beating == null) {
        return;
      }
      details = ownBeat ? ownDetails : context.getLastHeartbeatDetails(Object.class).orElse(null);
    }
    try {
      context.heartbeat(details);
    } catch (ActivityCompletionException | IllegalStateException gone) {
      // cancelled, timed out or the worker stopping: the step finds out on its own heartbeat or
      // when it ends; the pump stops telling Temporal it is alive
      stop();
    } catch (RuntimeException unexpected) {
      // one lost beat is not the end of the step: the next one may go through
    }
  }

  @Override
  public <V> void heartbeat(V details) throws ActivityCompletionException {
    synchronized (lock) {
      ownBeat = true;
      ownDetails = details;
    }
    context.heartbeat(details);
  }

  @Override
  public <V> Optional<V> getHeartbeatDetails(Class<V> detailsClass) {
    return getHeartbeatDetails(detailsClass, detailsClass);
  }

  @Override
  public <V> Optional<V> getHeartbeatDetails(Class<V> detailsClass, Type detailsGenericType) {
    synchronized (lock) {
      if (!ownBeat) {
        // the pump's beats repeat the earlier attempt's details untyped: read them typed
        return context.getLastHeartbeatDetails(detailsClass, detailsGenericType);
      }
    }
    return context.getHeartbeatDetails(detailsClass, detailsGenericType);
  }

  @Override
  public ActivityInfo getInfo() {
    return context.getInfo();
  }

  @Override
  public <V> Optional<V> getLastHeartbeatDetails(Class<V> detailsClass) {
    return context.getLastHeartbeatDetails(detailsClass);
  }

  @Override
  public <V> Optional<V> getLastHeartbeatDetails(Class<V> detailsClass, Type detailsGenericType) {
    return context.getLastHeartbeatDetails(detailsClass, detailsGenericType);
  }

  @Override
  public byte[] getTaskToken() {
    return context.getTaskToken();
  }

  @Override
  public CancellationToken<ActivityCanceledException> getCancellationToken() {
    return context.getCancellationToken();
  }

  @Override
  public void doNotCompleteOnReturn() {
    context.doNotCompleteOnReturn();
  }

  @Override
  public boolean isDoNotCompleteOnReturn() {
    return context.isDoNotCompleteOnReturn();
  }

  @Override
  public boolean isUseLocalManualCompletion() {
    return context.isUseLocalManualCompletion();
  }

  @Override
  public ManualActivityCompletionClient useLocalManualCompletion() {
    return context.useLocalManualCompletion();
  }

  @Override
  public Scope getMetricsScope() {
    return context.getMetricsScope();
  }

  @Override
  public WorkflowClient getWorkflowClient() {
    return context.getWorkflowClient();
  }

  @Override
  public Object getInstance() {
    return context.getInstance();
  }
}
