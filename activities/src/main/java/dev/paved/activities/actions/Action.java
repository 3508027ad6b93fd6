package dev.paved.activities.actions;

import dev.paved.workflows.steps.StepClass;

/**
 * An action's declaration from the four things every action states: its id, its description, the
 * activity type that does it and its step class. An action extends it and passes them to its
 * constructor; it overrides the rest ({@link #preview}, {@link #activities}, undo) as it needs.
 */
public abstract class Action implements ActionDeclaration {

  private final String id;
  private final String description;
  private final String activityType;
  private final StepClass stepClass;

  protected Action(String id, String description, String activityType, StepClass stepClass) {
    this.id = id;
    this.description = description;
    this.activityType = activityType;
    this.stepClass = stepClass;
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final String description() {
    return description;
  }

  @Override
  public final String activityType() {
    return activityType;
  }

  @Override
  public final StepClass stepClass() {
    return stepClass;
  }
}
