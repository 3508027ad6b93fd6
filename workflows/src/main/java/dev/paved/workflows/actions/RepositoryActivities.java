package dev.paved.workflows.actions;

import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.ActionResult;
import io.temporal.activity.ActivityInterface;

/** The service's source repository ({@code publish:github}). */
@ActivityInterface
public interface RepositoryActivities {

  /** Creates the repository for this service, or adopts the one made for it before, and pushes. */
  ActionResult publishGithub(ActionRequest request);

  /** Deletes the repository if, and only if, it was made for this service. */
  void undoPublishGithub(ActionRequest request);
}
