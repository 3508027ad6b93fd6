package dev.paved.activities.manifests;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a service's manifests are made from, validated (see {@link ManifestInputs}).
 *
 * @param serviceKey the mark every object carries, so a re-run adopts only its own files
 * @param env the service's own environment variables, sorted by name
 * @param pod writable folders, pod annotations and the projected token, if any
 */
record ManifestSpec(
    String name,
    String owner,
    String serviceKey,
    String image,
    String namespace,
    String environment,
    int port,
    int replicas,
    String host,
    String livenessPath,
    String readinessPath,
    String cpuRequest,
    String memoryRequest,
    String cpuLimit,
    String memoryLimit,
    Map<String, String> env,
    String otlpEndpoint,
    String ingressNamespace,
    String monitoringNamespace,
    String ingressClassName,
    PodOptions pod) {

  static final String NAME_LABEL = "app.kubernetes.io/name";
  static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
  static final String KUBERNETES_ID_LABEL = "backstage.io/kubernetes-id";
  static final String OWNER_LABEL = "paved.dev/owner";
  static final String SERVICE_KEY_ANNOTATION = "paved.dev/service-key";
  static final String PORT_NAME = "http";

  ManifestSpec {
    env = new TreeMap<>(env);
  }

  /** The labels every object and pod carries: Backstage's Kubernetes plugin and the dashboards. */
  Map<String, String> labels() {
    Map<String, String> labels = new TreeMap<>();
    labels.put(NAME_LABEL, name);
    labels.put(MANAGED_BY_LABEL, "paved");
    labels.put(KUBERNETES_ID_LABEL, name);
    labels.put(OWNER_LABEL, owner);
    return labels;
  }

  /** The pod selector: only the name, since a Deployment's selector can never change. */
  Map<String, String> selector() {
    return Map.of(NAME_LABEL, name);
  }

  Map<String, String> annotations() {
    return Map.of(SERVICE_KEY_ANNOTATION, serviceKey);
  }
}
