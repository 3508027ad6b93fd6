package dev.paved.activities.actions.publish.github.pullrequest;

import dev.paved.activities.actions.Action;
import dev.paved.activities.actions.ActionContext;
import dev.paved.activities.actions.PreviewContext;
import dev.paved.activities.pullrequest.PullRequestActivitiesImpl;
import dev.paved.activities.support.PlannedStep;
import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.StepClass;

/**
 * {@code publish:github:pull-request}: opens the pull request that carries a workspace folder into
 * a repository (the GitOps change that deploys the service), or adopts this service's open one.
 * Undo: closes it and deletes its branch if made for this service.
 */
public final class PublishGithubPullRequestAction extends Action {

  public PublishGithubPullRequestAction() {
    super(
        "publish:github:pull-request",
        "Opens the pull request that carries a workspace folder into a repository (the GitOps change that deploys the service), or adopts this service's open one. Undo: closes it and deletes its branch if made for this service.",
        "PublishGithubPullRequest",
        StepClass.EXTERNAL);
  }

  @Override
  public String undoActivityType() {
    return "UndoPublishGithubPullRequest";
  }

  @Override
  public Object activities(ActionContext context) {
    return new PullRequestActivitiesImpl(
        context.pullRequests(), context.workspaces(), context.gitopsRepository());
  }

  @Override
  public PlannedStep preview(ActionRequest request, PreviewContext context) {
    ActionContext providers = context.providers();
    return new PullRequestActivitiesImpl(
            providers.pullRequests(), providers.workspaces(), providers.gitopsRepository())
        .plan(request);
  }
}
