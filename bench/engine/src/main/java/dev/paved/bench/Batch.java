package dev.paved.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReferenceArray;

/** Runs, one after another or all at once, and what their times say. */
final class Batch {

  private Batch() {}

  /**
   * One run: {@code t0} just before it was asked for, {@code startedNs} when the start was answered
   * (the POST, or Temporal's start), {@code endedNs} when its workflow ended, {@code visibleNs}
   * when the API showed its end (the same as ended for the floor).
   */
  record Outcome(
      String id,
      String workflowId,
      String status,
      long t0,
      long startedNs,
      long endedNs,
      long visibleNs,
      String error) {

    double ms() {
      return (endedNs - t0) / 1e6;
    }

    double startMs() {
      return (startedNs - t0) / 1e6;
    }

    double visibleLagMs() {
      return (visibleNs - endedNs) / 1e6;
    }

    boolean completed() {
      return "COMPLETED".equals(status);
    }
  }

  @FunctionalInterface
  interface Launch {
    Outcome run(int index, long deadlineNanos) throws Exception;
  }

  /** Runs {@code n} one after another. */
  static List<Outcome> sequential(int n, int offset, Launch launch, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<Outcome> outcomes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      outcomes.add(guarded(launch, offset + i, deadline));
    }
    return outcomes;
  }

  /** Runs {@code n} at once: each on its own thread, all let go at the same instant. */
  static Concurrent concurrent(int n, int offset, Launch launch, Duration timeout)
      throws InterruptedException {
    CountDownLatch gun = new CountDownLatch(1);
    CountDownLatch ready = new CountDownLatch(n);
    AtomicReferenceArray<Outcome> outcomes = new AtomicReferenceArray<>(n);
    long[] deadline = new long[1];
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int index = i;
      Thread t =
          new Thread(
              () -> {
                ready.countDown();
                try {
                  gun.await();
                } catch (InterruptedException e) {
                  return;
                }
                outcomes.set(index, guarded(launch, offset + index, deadline[0]));
              },
              "run-" + i);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    ready.await();
    long t0 = System.nanoTime();
    deadline[0] = t0 + timeout.toNanos();
    gun.countDown();
    for (Thread t : threads) {
      t.join(Math.max(1, (deadline[0] - System.nanoTime()) / 1_000_000 + 30_000));
    }
    List<Outcome> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Outcome o = outcomes.get(i);
      all.add(
          o != null
              ? o
              : new Outcome(
                  null, null, "NOT_ENDED", t0, t0, System.nanoTime(), System.nanoTime(), "hung"));
    }
    return new Concurrent(n, t0, all);
  }

  private static Outcome guarded(Launch launch, int index, long deadline) {
    long t0 = System.nanoTime();
    try {
      return launch.run(index, deadline);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      long now = System.nanoTime();
      return new Outcome(null, null, "INTERRUPTED", t0, now, now, now, e.toString());
    } catch (Exception e) {
      long now = System.nanoTime();
      return new Outcome(null, null, "ERROR", t0, now, now, now, e.toString());
    }
  }

  /** Runs let go together at {@code t0}. */
  record Concurrent(int n, long t0, List<Outcome> outcomes) {

    double makespanMs() {
      return (outcomes.stream().mapToLong(Outcome::endedNs).max().orElse(t0) - t0) / 1e6;
    }

    long completed() {
      return outcomes.stream().filter(Outcome::completed).count();
    }

    double throughput() {
      return completed() / (makespanMs() / 1000);
    }

    /** Counts of each status that is not COMPLETED. */
    Map<String, Long> notCompleted() {
      Map<String, Long> counts = new LinkedHashMap<>();
      outcomes.stream()
          .filter(o -> !o.completed())
          .forEach(o -> counts.merge(o.status(), 1L, Long::sum));
      return counts;
    }
  }

  static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] v = values.clone();
    Arrays.sort(v);
    int m = v.length / 2;
    return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
  }

  /** The nearest-rank percentile {@code p} (0..100). */
  static double percentile(double[] values, double p) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] v = values.clone();
    Arrays.sort(v);
    int rank = (int) Math.ceil(p / 100 * v.length);
    return v[Math.max(0, Math.min(v.length - 1, rank - 1))];
  }
}
