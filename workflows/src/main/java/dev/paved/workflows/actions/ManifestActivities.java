package dev.paved.workflows.actions;

import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.ActionResult;
import io.temporal.activity.ActivityInterface;

/** Kubernetes manifests for the service ({@code paved:k8s:manifests}). */
@ActivityInterface
public interface ManifestActivities {

  /** Writes the Deployment, Service, Ingress and NetworkPolicy as YAML into the workspace. */
  ActionResult k8sManifests(ActionRequest request);
}
