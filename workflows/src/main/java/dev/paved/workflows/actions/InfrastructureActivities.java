package dev.paved.workflows.actions;

import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.ActionResult;
import io.temporal.activity.ActivityInterface;

/** The service's infrastructure stack ({@code paved:terraform:stack}). */
@ActivityInterface
public interface InfrastructureActivities {

  /** Synthesizes the stack to {@code cdk.tf.json} in the workspace. */
  ActionResult terraformStack(ActionRequest request);
}
