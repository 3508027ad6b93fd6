package dev.paved.activities.render;

import dev.paved.activities.support.StepFailures;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The few threads that render templates, so a render never runs on an HTTP request's or an
 * activity's own thread: the caller waits a bounded time, and a render past its deadline is
 * interrupted as well as stopping itself, so no render outlives its caller for long and the threads
 * busy rendering never exceed {@link RenderLimits#threads()}.
 */
final class RenderPool {

  private static final AtomicInteger POOLS = new AtomicInteger();

  /** How long past its deadline a render may take to notice it and stop. */
  private static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(1);

  private static final int QUEUED = 0;
  private static final int RUNNING = 1;
  private static final int ABANDONED = 2;

  private final ThreadPoolExecutor executor;
  private final long waitNanos;

  RenderPool(RenderLimits limits) {
    int pool = POOLS.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    executor =
        new ThreadPoolExecutor(
            limits.threads(),
            limits.threads(),
            30,
            TimeUnit.SECONDS,
            limits.queue() == 0
                ? new java.util.concurrent.SynchronousQueue<>()
                : new ArrayBlockingQueue<>(limits.queue()),
            work -> {
              Thread thread =
                  new Thread(work, "paved-render-" + pool + "-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    executor.allowCoreThreadTimeOut(true);
    waitNanos = limits.renderTimeout().toNanos();
  }

  /**
   * Runs {@code work} on a render thread under {@code budget} and waits for it. InvalidInput when
   * the render was refused or ran past its deadline; Unavailable when every thread stayed busy.
   */
  <T> T run(RenderBudget budget, Supplier<T> work) {
    AtomicInteger state = new AtomicInteger(QUEUED);
    FutureTask<T> task =
        new FutureTask<>(() -> state.compareAndSet(QUEUED, RUNNING) ? budget.spend(work) : null);
    try {
      executor.execute(task);
    } catch (RejectedExecutionException e) {
      throw StepFailures.unavailable("every template renderer is busy; try again", null);
    }
    try {
      try {
        return task.get(waitNanos, TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        if (state.compareAndSet(QUEUED, ABANDONED)) {
          executor.remove(task);
          throw StepFailures.unavailable("every template renderer stayed busy; try again", null);
        }
        // it started late: its own deadline counts from its start
        return task.get(waitNanos + GRACE_NANOS, TimeUnit.NANOSECONDS);
      }
    } catch (TimeoutException | CancellationException e) {
      task.cancel(true);
      throw new RenderRefused(
          budget.refusal() != null
              ? budget.refusal()
              : "the render took more than " + budget.limits().renderTimeout());
    } catch (InterruptedException e) {
      task.cancel(true);
      Thread.currentThread().interrupt();
      throw new RenderRefused("the render was stopped");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
