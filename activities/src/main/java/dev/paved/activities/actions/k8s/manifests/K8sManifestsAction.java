package dev.paved.activities.actions.k8s.manifests;

import static dev.paved.activities.support.PlannedStep.resource;

import dev.paved.activities.actions.Action;
import dev.paved.activities.actions.ActionContext;
import dev.paved.activities.actions.PreviewContext;
import dev.paved.activities.manifests.ManifestActivitiesImpl;
import dev.paved.activities.support.PlannedStep;
import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.StepClass;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code paved:k8s:manifests}: writes the service's Kubernetes manifests for GitOps: a Deployment
 * (OpenTelemetry environment, probes, resources, non-root), a Service, an Ingress, a NetworkPolicy
 * and a kustomization, each marked with the service.
 */
public final class K8sManifestsAction extends Action {

  public K8sManifestsAction() {
    super(
        "paved:k8s:manifests",
        "Writes the service's Kubernetes manifests for GitOps: a Deployment (OpenTelemetry environment, probes, resources, non-root), a Service, an Ingress, a NetworkPolicy and a kustomization, each marked with the service.",
        "K8sManifests",
        StepClass.WORKSPACE);
  }

  @Override
  public Object activities(ActionContext context) {
    return new ManifestActivitiesImpl(context.workspaces());
  }

  @Override
  public PlannedStep preview(ActionRequest request, PreviewContext context) {
    Map<String, Object> output =
        new ManifestActivitiesImpl(context.workspaces()).k8sManifests(request).output();
    Map<String, Object> files = new LinkedHashMap<>();
    for (Object file : (List<?>) output.get("files")) {
      files.put(String.valueOf(file), context.read(request.runId(), String.valueOf(file)));
    }
    return new PlannedStep(
        output,
        List.of(resource("kubernetes-manifests", "path", output.get("path"), "files", files)));
  }
}
