package dev.paved.activities.render;

import java.time.Duration;

/**
 * What one template may spend, set by the platform operator ({@code paved.render.*}); template
 * authors are trusted less, so no value here can be reached from a template. "Per render" is one
 * string or one file; "per run" adds up every render of one run in this process.
 *
 * @param loopIterations loop iterations in one render (nested loops multiply)
 * @param runLoopIterations loop iterations over all the renders of one run
 * @param outputChars characters one render may output
 * @param runOutputChars characters all the renders of one run may output
 * @param stringLength the longest string an expression or a filter may make
 * @param collectionSize the most items a list or an object made by a template may hold
 * @param rangeSize the most numbers one {@code range()} may give
 * @param macroDepth how deep macros may call each other
 * @param renderTimeout how long one render may run before it stops itself
 * @param runRenderTime how long all the renders of one run may run, in total
 * @param threads threads rendering at once in this process; renders beyond them wait
 * @param queue renders that may wait for a thread; beyond them a render is refused as busy
 */
public record RenderLimits(
    long loopIterations,
    long runLoopIterations,
    long outputChars,
    long runOutputChars,
    long stringLength,
    int collectionSize,
    int rangeSize,
    int macroDepth,
    Duration renderTimeout,
    Duration runRenderTime,
    int threads,
    int queue) {

  public RenderLimits {
    if (loopIterations < 1
        || runLoopIterations < 1
        || outputChars < 1
        || runOutputChars < 1
        || stringLength < 1
        || collectionSize < 1
        || rangeSize < 1
        || macroDepth < 1
        || threads < 1
        || queue < 0) {
      throw new IllegalArgumentException("render limits must be positive: " + this);
    }
    if (renderTimeout == null || renderTimeout.isNegative() || renderTimeout.isZero()) {
      throw new IllegalArgumentException("paved.render.render-timeout must be positive");
    }
    if (runRenderTime == null || runRenderTime.isNegative() || runRenderTime.isZero()) {
      throw new IllegalArgumentException("paved.render.run-render-time must be positive");
    }
  }

  /** The defaults, generous for real templates and far below what hurts a 2-core host. */
  public static RenderLimits defaults() {
    return new RenderLimits(
        100_000,
        1_000_000,
        8L * 1024 * 1024,
        64L * 1024 * 1024,
        1024L * 1024,
        100_000,
        1_000,
        20,
        Duration.ofSeconds(5),
        Duration.ofSeconds(20),
        2,
        1_000);
  }
}
