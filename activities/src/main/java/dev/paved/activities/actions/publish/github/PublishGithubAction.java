package dev.paved.activities.actions.publish.github;

import dev.paved.activities.actions.Action;
import dev.paved.activities.actions.ActionContext;
import dev.paved.activities.actions.PreviewContext;
import dev.paved.activities.repository.RepositoryActivitiesImpl;
import dev.paved.activities.support.Inputs;
import dev.paved.activities.support.PlannedStep;
import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.StepClass;

/**
 * {@code publish:github}: creates the service's repository and pushes a workspace folder as its
 * first commit; a repository made earlier for the same service is adopted. Undo: deletes the
 * repository if this run made it.
 */
public final class PublishGithubAction extends Action {

  public PublishGithubAction() {
    super(
        "publish:github",
        "Creates the service's repository and pushes a workspace folder as its first commit; a repository made earlier for the same service is adopted. Undo: deletes the repository if this run made it.",
        "PublishGithub",
        StepClass.EXTERNAL);
  }

  @Override
  public String undoActivityType() {
    return "UndoPublishGithub";
  }

  @Override
  public Object activities(ActionContext context) {
    return new RepositoryActivitiesImpl(context.repositories(), context.workspaces());
  }

  @Override
  public PlannedStep preview(ActionRequest request, PreviewContext context) {
    PlannedStep planned =
        new RepositoryActivitiesImpl(context.providers().repositories(), context.workspaces())
            .plan(request);
    String sourcePath = Inputs.of(request.action(), request.input()).string("sourcePath", ".");
    context.published(
        String.valueOf(planned.output().get("repoContentsUrl")),
        context.workspaces().resolve(request.runId(), sourcePath));
    return planned;
  }
}
