package dev.paved.activities.render;

/**
 * What one render may still spend, kept in Java where a template cannot reach it (an earlier budget
 * lived in the render's context, and a template could set it back). The tags and filters that can
 * spend much call it as they go; once a limit is passed every later call fails at once, so the
 * render unwinds whatever Jinjava does with the first failure.
 */
final class RenderBudget {

  private static final ThreadLocal<RenderBudget> CURRENT = new ThreadLocal<>();

  private final RenderLimits limits;
  private final RunUsage run;
  private long started;
  private long deadline;
  private String deadlineMessage;
  private long loopIterations;
  private volatile String refusal;

  RenderBudget(RenderLimits limits, RunUsage run) {
    this.limits = limits;
    this.run = run;
  }

  /** Starts the clock: the render's deadline counts from when a thread takes it up. */
  private void start() {
    started = System.nanoTime();
    long renderNanos = limits.renderTimeout().toNanos();
    long runLeft = limits.runRenderTime().toNanos() - run.renderNanos.get();
    if (runLeft < renderNanos) {
      deadline = started + Math.max(0, runLeft);
      deadlineMessage = "the run's renders took more than " + limits.runRenderTime();
    } else {
      deadline = started + renderNanos;
      deadlineMessage = "the render took more than " + limits.renderTimeout();
    }
  }

  /** The budget of the render running on this thread, or null outside a render. */
  static RenderBudget current() {
    return CURRENT.get();
  }

  RenderLimits limits() {
    return limits;
  }

  /** Runs {@code work} as this budget's render on this thread, then books its time to the run. */
  <T> T spend(java.util.function.Supplier<T> work) {
    start();
    CURRENT.set(this);
    try {
      check();
      return work.get();
    } finally {
      CURRENT.remove();
      run.renderNanos.addAndGet(System.nanoTime() - started);
    }
  }

  /** Fails once the render is past its deadline, was interrupted, or was refused before. */
  void check() {
    if (refusal != null) {
      throw new RenderRefused(refusal);
    }
    if (Thread.currentThread().isInterrupted()) {
      refuse("the render was stopped");
    }
    if (System.nanoTime() - deadline > 0) {
      refuse(deadlineMessage);
    }
  }

  /** Books loop iterations to the render and the run. */
  void iterate(long count) {
    check();
    loopIterations += count;
    if (loopIterations > limits.loopIterations()) {
      refuse("loops ran more than " + limits.loopIterations() + " iterations in one render");
    }
    if (run.loopIterations.addAndGet(count) > limits.runLoopIterations()) {
      refuse("loops ran more than " + limits.runLoopIterations() + " iterations in one run");
    }
  }

  /** Fails when a string a template made is longer than allowed. */
  void checkString(long length, String what) {
    if (length > limits.stringLength()) {
      refuse(
          what
              + " would make a string of "
              + length
              + " characters, more than "
              + limits.stringLength());
    }
  }

  /** Fails when a list or an object a template made holds more items than allowed. */
  void checkCollection(long size, String what) {
    if (size > limits.collectionSize()) {
      refuse(what + " would hold " + size + " items, more than " + limits.collectionSize());
    }
  }

  /** Books a finished render's output to the run. */
  void output(long chars) {
    if (chars > limits.outputChars()) {
      refuse("the render's output is longer than " + limits.outputChars() + " characters");
    }
    if (run.outputChars.addAndGet(chars) > limits.runOutputChars()) {
      refuse("the run's renders output more than " + limits.runOutputChars() + " characters");
    }
  }

  /** Why the render was refused, or null. */
  String refusal() {
    return refusal;
  }

  void refuse(String message) {
    if (refusal == null) {
      refusal = message;
    }
    throw new RenderRefused(refusal);
  }
}
