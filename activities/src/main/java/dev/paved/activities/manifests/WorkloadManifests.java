package dev.paved.activities.manifests;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The service's Deployment, hardened as the restricted Pod Security Standard asks. */
final class WorkloadManifests {

  /** A fixed non-root uid, so runAsNonRoot holds whatever user the image names. */
  static final long USER_ID = 10001L;

  private static final String WRITABLE_SIZE = "256Mi";
  private static final String RUNTIME_DEFAULT = "RuntimeDefault";

  private WorkloadManifests() {}

  static Deployment deployment(ManifestSpec spec) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(spec.name())
        .withNamespace(spec.namespace())
        .withLabels(spec.labels())
        .withAnnotations(spec.annotations())
        .endMetadata()
        .withNewSpec()
        .withReplicas(spec.replicas())
        .withNewSelector()
        .withMatchLabels(spec.selector())
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(spec.labels())
        .withAnnotations(spec.pod().podAnnotations())
        .endMetadata()
        .withNewSpec()
        .withAutomountServiceAccountToken(false)
        .withNewSecurityContext()
        .withRunAsNonRoot(true)
        .withRunAsUser(USER_ID)
        .withRunAsGroup(USER_ID)
        .withFsGroup(USER_ID)
        .withNewSeccompProfile()
        .withType(RUNTIME_DEFAULT)
        .endSeccompProfile()
        .endSecurityContext()
        .withContainers(container(spec))
        .withVolumes(volumes(spec.pod()))
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  private static Container container(ManifestSpec spec) {
    return new ContainerBuilder()
        .withName(spec.name())
        .withImage(spec.image())
        .withImagePullPolicy("IfNotPresent")
        .addNewPort()
        .withName(ManifestSpec.PORT_NAME)
        .withContainerPort(spec.port())
        .withProtocol("TCP")
        .endPort()
        .withEnv(env(spec))
        .withNewResources()
        .withRequests(
            Map.of(
                "cpu",
                new Quantity(spec.cpuRequest()),
                "memory",
                new Quantity(spec.memoryRequest())))
        .withLimits(
            Map.of(
                "cpu", new Quantity(spec.cpuLimit()), "memory", new Quantity(spec.memoryLimit())))
        .endResources()
        // A slow JVM start gets up to 150 s before liveness may restart it.
        .withStartupProbe(probe(spec.livenessPath(), 5, 30))
        .withLivenessProbe(probe(spec.livenessPath(), 10, 3))
        .withReadinessProbe(probe(spec.readinessPath(), 5, 3))
        .withNewSecurityContext()
        .withAllowPrivilegeEscalation(false)
        .withReadOnlyRootFilesystem(true)
        .withRunAsNonRoot(true)
        .withNewCapabilities()
        .withDrop("ALL")
        .endCapabilities()
        .withNewSeccompProfile()
        .withType(RUNTIME_DEFAULT)
        .endSeccompProfile()
        .endSecurityContext()
        .withVolumeMounts(mounts(spec.pod()))
        .build();
  }

  /**
   * The root filesystem is read-only: each writable folder (the JVM and most frameworks need at
   * least /tmp) is an emptyDir; a projected token, when asked for, replaces the automounted one.
   */
  private static List<Volume> volumes(PodOptions pod) {
    List<Volume> volumes = new ArrayList<>();
    pod.volumes()
        .values()
        .forEach(
            name ->
                volumes.add(
                    new VolumeBuilder()
                        .withName(name)
                        .withNewEmptyDir()
                        .withSizeLimit(new Quantity(WRITABLE_SIZE))
                        .endEmptyDir()
                        .build()));
    if (pod.tokenAudience() != null) {
      volumes.add(
          new VolumeBuilder()
              .withName(PodOptions.TOKEN_VOLUME)
              .withNewProjected()
              .addNewSource()
              .withNewServiceAccountToken()
              .withAudience(pod.tokenAudience())
              .withExpirationSeconds((long) PodOptions.TOKEN_SECONDS)
              .withPath("token")
              .endServiceAccountToken()
              .endSource()
              .endProjected()
              .build());
    }
    return volumes;
  }

  private static List<VolumeMount> mounts(PodOptions pod) {
    List<VolumeMount> mounts = new ArrayList<>();
    pod.volumes()
        .forEach(
            (path, name) ->
                mounts.add(new VolumeMountBuilder().withName(name).withMountPath(path).build()));
    return mounts;
  }

  private static Probe probe(String path, int periodSeconds, int failureThreshold) {
    return new ProbeBuilder()
        .withNewHttpGet()
        .withPath(path)
        .withPort(new IntOrString(ManifestSpec.PORT_NAME))
        .endHttpGet()
        .withPeriodSeconds(periodSeconds)
        .withTimeoutSeconds(2)
        .withFailureThreshold(failureThreshold)
        .build();
  }

  /** Paved's OpenTelemetry wiring first, then the service's own variables by name. */
  private static List<EnvVar> env(ManifestSpec spec) {
    List<EnvVar> env = new ArrayList<>();
    env.add(new EnvVar("OTEL_SERVICE_NAME", spec.name(), null));
    env.add(new EnvVar("OTEL_EXPORTER_OTLP_ENDPOINT", spec.otlpEndpoint(), null));
    env.add(new EnvVar("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf", null));
    env.add(
        new EnvVar(
            "OTEL_RESOURCE_ATTRIBUTES",
            "service.namespace=" + spec.owner() + ",deployment.environment=" + spec.environment(),
            null));
    spec.env().forEach((name, value) -> env.add(new EnvVar(name, value, null)));
    return env;
  }
}
