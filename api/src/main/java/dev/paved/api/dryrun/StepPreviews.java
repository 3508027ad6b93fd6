package dev.paved.api.dryrun;

import dev.paved.activities.actions.ActionContext;
import dev.paved.activities.actions.PreviewContext;
import dev.paved.activities.support.PlannedStep;
import dev.paved.activities.support.StepFailures;
import dev.paved.activities.support.Workspaces;
import dev.paved.api.actions.ActionRegistry;
import dev.paved.workflows.steps.ActionRequest;

/**
 * Each action's half that makes nothing, for one dry run, as its declaration previews it: actions
 * that only write the run's workspace run as they are, on the dry run's own temporary workspace;
 * actions that reach another system give their plan instead (see {@link PlannedStep}).
 */
final class StepPreviews {

  private final PreviewContext context;

  StepPreviews(Workspaces workspaces, DryRunProviders providers) {
    this.context =
        new PreviewContext(
            new ActionContext(
                workspaces,
                providers.renderer(),
                providers.repositories(),
                providers.pullRequests(),
                providers.gitopsRepository(),
                providers.dashboards(),
                providers.secrets(),
                providers.synth()),
            providers.catalog());
  }

  /** What the step would make; InvalidInput (and the like) as the real step would refuse it. */
  PlannedStep preview(ActionRequest request) {
    return ActionRegistry.find(request.action())
        .orElseThrow(
            () ->
                StepFailures.invalidInput(
                    "a dry run cannot plan action '" + request.action() + "'"))
        .preview(request, context);
  }
}
