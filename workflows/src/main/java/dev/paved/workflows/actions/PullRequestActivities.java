package dev.paved.workflows.actions;

import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.ActionResult;
import io.temporal.activity.ActivityInterface;

/** The GitOps change that starts the deployment ({@code publish:github:pull-request}). */
@ActivityInterface
public interface PullRequestActivities {

  /** Opens the pull request (branch, commit, record) for this service, or adopts the open one. */
  ActionResult publishGithubPullRequest(ActionRequest request);

  /** Closes the pull request made for this service and deletes its branch. */
  void undoPublishGithubPullRequest(ActionRequest request);
}
