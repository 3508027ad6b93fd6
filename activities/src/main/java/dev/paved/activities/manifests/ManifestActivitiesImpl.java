package dev.paved.activities.manifests;

import dev.paved.activities.support.Inputs;
import dev.paved.activities.support.Workspaces;
import dev.paved.workflows.actions.ManifestActivities;
import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.ActionResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code paved:k8s:manifests}: the service's Kubernetes manifests, written for GitOps. */
public final class ManifestActivitiesImpl implements ManifestActivities {

  private final Workspaces workspaces;

  public ManifestActivitiesImpl(Workspaces workspaces) {
    this.workspaces = workspaces;
  }

  /** Writes deployment, service, ingress, network policy and kustomization YAML files. */
  @Override
  public ActionResult k8sManifests(ActionRequest request) {
    ManifestSpec spec = ManifestInputs.read(request.input(), request.serviceKey());
    String targetPath =
        Inputs.of(ManifestInputs.ACTION, request.input())
            .string("targetPath", "gitops/apps/" + spec.name());
    Path workspace = workspaces.forRun(request.runId());
    Path dir = Workspaces.inside(workspace, targetPath);

    Map<String, Object> objects = new LinkedHashMap<>();
    objects.put("deployment.yaml", WorkloadManifests.deployment(spec));
    objects.put("service.yaml", NetworkManifests.service(spec));
    objects.put("ingress.yaml", NetworkManifests.ingress(spec));
    objects.put("networkpolicy.yaml", NetworkManifests.networkPolicy(spec));
    objects.put("kustomization.yaml", kustomization(spec, List.copyOf(objects.keySet())));
    ManifestFiles.write(dir, objects, spec.serviceKey());

    List<String> files = new ArrayList<>();
    objects.keySet().forEach(file -> files.add(relative(workspace, dir.resolve(file))));
    Map<String, Object> output = new LinkedHashMap<>();
    output.put("path", relative(workspace, dir));
    output.put("files", files);
    return ActionResult.of(output);
  }

  private static Map<String, Object> kustomization(ManifestSpec spec, List<String> resources) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", spec.name());
    metadata.put("annotations", spec.annotations());
    Map<String, Object> kustomization = new LinkedHashMap<>();
    kustomization.put("apiVersion", "kustomize.config.k8s.io/v1beta1");
    kustomization.put("kind", "Kustomization");
    kustomization.put("metadata", metadata);
    kustomization.put("resources", resources);
    return kustomization;
  }

  private static String relative(Path workspace, Path path) {
    String relative = workspace.relativize(path).toString().replace('\\', '/');
    return relative.isEmpty() ? "." : relative;
  }
}
