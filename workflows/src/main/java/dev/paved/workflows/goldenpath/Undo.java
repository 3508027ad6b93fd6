package dev.paved.workflows.goldenpath;

import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.ActionSpec;
import dev.paved.workflows.steps.StepEffects;
import dev.paved.workflows.steps.StepLimits;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The undo of one step (or one item of an {@code each}), registered before the step runs, with what
 * the step reported it may have made. Until a report arrives, and for a step whose activity does
 * not report (or that timed out, crashed or was cut off), anything may exist: the undo runs.
 * Workflow code.
 */
final class Undo {

  final int index;
  final ActionSpec action;
  final ActionRequest request;

  /** Whether every attempt of the step so far reported what it made. */
  private boolean known;

  private boolean anyReport;
  private final Set<String> mayExist = new LinkedHashSet<>();

  /**
   * When its step was cut off while running (epoch millis), or null: the step's activity may still
   * be making things until its start-to-close timeout has passed.
   */
  Long cutOffAt;

  /** Attempts of the undo so far, and the last one's error (null while none failed). */
  int attempts;

  String lastError;

  Undo(int index, ActionSpec action, ActionRequest request) {
    this.index = index;
    this.action = action;
    this.request = request;
  }

  /** The same step with the same input: a retried step registers its undo only once. */
  boolean sameAs(Undo other) {
    return other != null
        && other.index == index
        && Objects.equals(other.action, action)
        && Objects.equals(other.request, request);
  }

  /** What one run of the step's activity reported; null when it reported nothing. */
  void reported(StepEffects effects) {
    boolean complete = effects != null && !effects.unsure();
    known = anyReport ? known && complete : complete;
    anyReport = true;
    if (effects != null) {
      mayExist.addAll(effects.all());
    }
  }

  /** What a failed run of the step's activity reported in its failure's details. */
  void failed(ActivityFailure failure, long now) {
    reported(failure.getCause() instanceof ApplicationFailure app ? effectsOf(app) : null);
    if (failure.getCause() instanceof CanceledFailure) {
      cutOff(now);
    }
  }

  /** The step was cut off by a cancellation: it reported nothing and may go on for a while. */
  void cutOff(long now) {
    reported(null);
    cutOffAt = now;
  }

  /** When the cut-off step's activity can no longer be running (its start-to-close has passed). */
  long stepSurelyOverAt() {
    StepLimits limits =
        action.limits() != null ? action.limits() : StepLimits.defaults(action.stepClass());
    return cutOffAt + Duration.parse(limits.startToClose()).toMillis();
  }

  /** Whether the undo has anything to remove: false only when the step said it made nothing. */
  boolean needed() {
    return !known || !mayExist.isEmpty();
  }

  /** What the step said it may have made. */
  List<String> effects() {
    return new ArrayList<>(mayExist);
  }

  /** The worker's interceptor puts them second in the failure's details, after the attempt. */
  private static StepEffects effectsOf(ApplicationFailure failure) {
    try {
      return failure.getDetails().get(1, StepEffects.class, StepEffects.class);
    } catch (RuntimeException none) {
      return null;
    }
  }
}
