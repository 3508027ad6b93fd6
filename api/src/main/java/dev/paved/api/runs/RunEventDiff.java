package dev.paved.api.runs;

import dev.paved.activities.actions.ActionDeclaration;
import dev.paved.api.actions.ActionRegistry;
import dev.paved.api.runs.RunExecutions.PendingAttempt;
import dev.paved.workflows.goldenpath.StepStatus;
import dev.paved.workflows.steps.ActionSpec;
import dev.paved.workflows.steps.LegacyActionCatalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns successive looks at a run into the events of its stream: a {@code step} event when a step's
 * status, attempt, error or undo changed (a higher attempt while it runs is a retry, its error why
 * the last attempt failed), a {@code run} event when the run's status or error changed.
 */
final class RunEventDiff {

  /** One server-sent event: its name and its JSON data. */
  record Event(String name, Object data) {}

  /** The data of a {@code step} event; {@code undo} once the run rolls back the step, else null. */
  record StepEvent(String step, String status, int attempt, String error, RunView.UndoView undo) {

    StepEvent(String step, String status, int attempt, String error) {
      this(step, status, attempt, error, null);
    }
  }

  /** The data of a {@code run} event. */
  record RunEvent(String run, String status, String failedStep, String error) {}

  private final Map<String, StepEvent> steps = new HashMap<>();
  private RunEvent run;

  /** The events since the last look: step events first, then the run's (first look: run first). */
  List<Event> next(RunRecord record, List<PendingAttempt> pending) {
    List<Event> events = new ArrayList<>();
    RunEvent now =
        new RunEvent(
            record.id(),
            record.status(),
            record.progress() == null ? null : record.progress().failedStep(),
            record.error());
    boolean first = run == null;
    if (first) {
      events.add(new Event("run", now));
    }
    for (RunView.StepView step : RunView.of(record).steps()) {
      StepEvent event = stepEvent(step, pending);
      StepEvent before = steps.put(step.id(), event);
      boolean news =
          before == null ? !StepStatus.PENDING.name().equals(step.status()) : !before.equals(event);
      if (news) {
        events.add(new Event("step", event));
      }
    }
    if (!first && !now.equals(run)) {
      events.add(new Event("run", now));
    }
    run = now;
    return events;
  }

  private static StepEvent stepEvent(RunView.StepView step, List<PendingAttempt> pending) {
    if (StepStatus.RUNNING.name().equals(step.status())) {
      // An action's activity type never changes once runs use it (docs/workflow-changes.md), so
      // the declaration names the same type as the spec frozen into the run's plan.
      String type =
          ActionRegistry.find(step.action())
              .map(ActionDeclaration::activityType)
              .or(() -> LegacyActionCatalog.find(step.action()).map(ActionSpec::activityType))
              .orElse(null);
      for (PendingAttempt attempt : pending) {
        if (attempt.activityType().equals(type)) {
          return new StepEvent(
              step.id(),
              step.status(),
              attempt.attempt(),
              attempt.attempt() > 1 ? attempt.lastFailure() : null);
        }
      }
    }
    return new StepEvent(step.id(), step.status(), step.attempts(), step.error(), step.undo());
  }
}
