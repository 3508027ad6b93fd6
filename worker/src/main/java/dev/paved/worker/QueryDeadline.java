package dev.paved.worker;

import io.grpc.Context;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Bounds a whole Temporal query, retries included. The SDK retries a query whose attempt timed out
 * for up to a minute, so a query that no worker answers would hold its caller that long; a gRPC
 * deadline on the calling context ends the call and its retries together.
 */
public final class QueryDeadline {

  private static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "paved-query-deadline");
            thread.setDaemon(true);
            return thread;
          });

  private QueryDeadline() {}

  /** Runs {@code query} and fails it once {@code timeout} has passed. */
  public static <T> T within(Duration timeout, Supplier<T> query) {
    Callable<T> call = query::get;
    try {
      return Context.current()
          .withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS, TIMER)
          .call(call);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
