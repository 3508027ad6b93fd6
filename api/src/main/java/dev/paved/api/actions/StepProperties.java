package dev.paved.api.actions;

import dev.paved.activities.actions.ActionDeclaration;
import dev.paved.workflows.steps.ActionSpec;
import dev.paved.workflows.steps.StepClass;
import dev.paved.workflows.steps.StepLimits;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;

/**
 * {@code paved.steps.*}: timeouts and retries per step class ({@code workspace}, {@code external},
 * {@code synth}, {@code wait}) and for undos ({@code undo}), each with {@code start-to-close},
 * {@code initial-interval}, {@code max-attempts} and {@code heartbeat}; what is not set keeps
 * {@link StepLimits#defaults}. For undos {@code max-attempts} is the first pass; an undo still not
 * done after it is tried again later, up to {@code paved.steps.undo.later-max-interval} apart (an
 * hour), for {@code paved.steps.undo.later-for} (a week). Read when a template is loaded and frozen
 * into each step's plan.
 */
@ConfigurationProperties("paved.steps")
public record StepProperties(
    Limits workspace, Limits external, Limits synth, @Name("wait") Limits waiting, Limits undo) {

  public StepProperties {
    workspace = Limits.over(workspace, StepLimits.defaults(StepClass.WORKSPACE));
    external = Limits.over(external, StepLimits.defaults(StepClass.EXTERNAL));
    synth = Limits.over(synth, StepLimits.defaults(StepClass.SYNTH));
    waiting = Limits.over(waiting, StepLimits.defaults(StepClass.WAIT));
    undo = Limits.over(undo, StepLimits.undoDefaults());
  }

  /** Today's values everywhere. */
  public static StepProperties defaults() {
    return new StepProperties(null, null, null, null, null);
  }

  /** How the workflow runs {@code action}: frozen into each of its steps' plans. */
  public ActionSpec spec(ActionDeclaration action) {
    Limits limits =
        switch (action.stepClass()) {
          case WORKSPACE -> workspace;
          case EXTERNAL -> external;
          case SYNTH -> synth;
          case WAIT -> waiting;
        };
    return new ActionSpec(
        action.id(),
        action.activityType(),
        action.undoActivityType(),
        action.stepClass(),
        action.taskQueue(),
        limits.asStepLimits(),
        action.undoActivityType() == null ? null : undo.asUndoLimits());
  }

  /**
   * One class's limits; {@code heartbeat} where the worker heartbeats for the step (every class but
   * {@code workspace}: how soon a step whose worker died is tried elsewhere); {@code
   * laterMaxInterval} and {@code laterFor} only for undos.
   */
  public record Limits(
      Duration startToClose,
      Duration initialInterval,
      Integer maxAttempts,
      Duration heartbeat,
      Duration laterMaxInterval,
      Duration laterFor) {

    public Limits {
      if (maxAttempts != null && maxAttempts < 1) {
        throw new IllegalArgumentException("max-attempts must be at least 1");
      }
      if (laterMaxInterval != null
          && (laterMaxInterval.isNegative() || laterMaxInterval.isZero())) {
        throw new IllegalArgumentException("later-max-interval must be positive");
      }
      if (laterFor != null && laterFor.isNegative()) {
        throw new IllegalArgumentException("later-for must not be negative");
      }
    }

    static Limits over(Limits given, StepLimits defaults) {
      Limits set = given == null ? new Limits(null, null, null, null, null, null) : given;
      return new Limits(
          set.startToClose != null ? set.startToClose : Duration.parse(defaults.startToClose()),
          set.initialInterval != null
              ? set.initialInterval
              : Duration.parse(defaults.initialInterval()),
          set.maxAttempts != null ? set.maxAttempts : defaults.maximumAttempts(),
          set.heartbeat != null
              ? set.heartbeat
              : defaults.heartbeatTimeout() == null
                  ? null
                  : Duration.parse(defaults.heartbeatTimeout()),
          set.laterMaxInterval != null ? set.laterMaxInterval : defaults.laterMaximum(),
          set.laterFor != null ? set.laterFor : defaults.laterWindow());
    }

    StepLimits asStepLimits() {
      return StepLimits.of(startToClose, initialInterval, maxAttempts, heartbeat);
    }

    StepLimits asUndoLimits() {
      return StepLimits.undo(
          startToClose, initialInterval, maxAttempts, heartbeat, laterMaxInterval, laterFor);
    }
  }
}
