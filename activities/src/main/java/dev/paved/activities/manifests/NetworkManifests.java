package dev.paved.activities.manifests;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import java.util.Map;

/** How traffic reaches the service: its Service, its Ingress and the NetworkPolicy guarding it. */
final class NetworkManifests {

  /** Set on every namespace by Kubernetes (1.21+), so policies can select namespaces by name. */
  static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

  private NetworkManifests() {}

  static Service service(ManifestSpec spec) {
    return new ServiceBuilder()
        .withMetadata(metadata(spec))
        .withNewSpec()
        .withType("ClusterIP")
        .withSelector(spec.selector())
        .addNewPort()
        .withName(ManifestSpec.PORT_NAME)
        .withPort(spec.port())
        .withTargetPort(new IntOrString(ManifestSpec.PORT_NAME))
        .withProtocol("TCP")
        .endPort()
        .endSpec()
        .build();
  }

  static Ingress ingress(ManifestSpec spec) {
    return new IngressBuilder()
        .withMetadata(metadata(spec))
        .withNewSpec()
        .withIngressClassName(spec.ingressClassName())
        .addNewRule()
        .withHost(spec.host())
        .withNewHttp()
        .addNewPath()
        .withPath("/")
        .withPathType("Prefix")
        .withNewBackend()
        .withNewService()
        .withName(spec.name())
        .withNewPort()
        .withName(ManifestSpec.PORT_NAME)
        .endPort()
        .endService()
        .endBackend()
        .endPath()
        .endHttp()
        .endRule()
        .endSpec()
        .build();
  }

  /** Denies all ingress to the pods except from the ingress controller and monitoring. */
  static NetworkPolicy networkPolicy(ManifestSpec spec) {
    return new NetworkPolicyBuilder()
        .withMetadata(metadata(spec))
        .withNewSpec()
        .withNewPodSelector()
        .withMatchLabels(spec.selector())
        .endPodSelector()
        .withPolicyTypes("Ingress")
        .addNewIngress()
        .withFrom(fromNamespace(spec.ingressNamespace()), fromNamespace(spec.monitoringNamespace()))
        .addNewPort()
        .withProtocol("TCP")
        .withPort(new IntOrString(spec.port()))
        .endPort()
        .endIngress()
        .endSpec()
        .build();
  }

  private static NetworkPolicyPeer fromNamespace(String namespace) {
    return new NetworkPolicyPeerBuilder()
        .withNewNamespaceSelector()
        .withMatchLabels(Map.of(NAMESPACE_NAME_LABEL, namespace))
        .endNamespaceSelector()
        .build();
  }

  private static ObjectMeta metadata(ManifestSpec spec) {
    return new ObjectMetaBuilder()
        .withName(spec.name())
        .withNamespace(spec.namespace())
        .withLabels(spec.labels())
        .withAnnotations(spec.annotations())
        .build();
  }
}
