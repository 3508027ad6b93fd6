package dev.paved.activities.manifests;

import static dev.paved.activities.manifests.ManifestActivitiesImplTest.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.activities.support.Workspaces;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeploymentManifestTest {

  @TempDir Path root;

  @Test
  void podRunsAsNonRootWithTheRuntimeDefaultSeccompProfile() throws IOException {
    PodSpec pod = deployment(Map.of()).getSpec().getTemplate().getSpec();

    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(pod.getAutomountServiceAccountToken()).isFalse();
  }

  @Test
  void containerIsLockedDownWithAWritableTmp() throws IOException {
    Deployment deployment = deployment(Map.of());
    Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);

    var security = container.getSecurityContext();
    assertThat(security.getAllowPrivilegeEscalation()).isFalse();
    assertThat(security.getReadOnlyRootFilesystem()).isTrue();
    assertThat(security.getRunAsNonRoot()).isTrue();
    assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(security.getCapabilities().getAdd()).isEmpty();
    assertThat(security.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(container.getVolumeMounts())
        .singleElement()
        .satisfies(
            mount -> {
              assertThat(mount.getMountPath()).isEqualTo("/tmp");
              assertThat(mount.getName()).isEqualTo("tmp");
            });
    assertThat(deployment.getSpec().getTemplate().getSpec().getVolumes())
        .singleElement()
        .satisfies(
            volume -> {
              assertThat(volume.getName()).isEqualTo("tmp");
              assertThat(volume.getEmptyDir()).isNotNull();
            });
  }

  @Test
  void defaultProbesResourcesAndReplicas() throws IOException {
    Deployment deployment = deployment(Map.of());
    Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);

    assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
    assertThat(container.getImage()).isEqualTo("ghcr.io/acme/checkout:1.4.2");
    assertThat(container.getPorts())
        .singleElement()
        .satisfies(
            port -> {
              assertThat(port.getContainerPort()).isEqualTo(8080);
              assertThat(port.getName()).isEqualTo("http");
            });
    assertThat(container.getLivenessProbe().getHttpGet().getPath())
        .isEqualTo("/actuator/health/liveness");
    assertThat(container.getReadinessProbe().getHttpGet().getPath())
        .isEqualTo("/actuator/health/readiness");
    assertThat(container.getLivenessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("http");
    assertThat(container.getStartupProbe().getHttpGet().getPath())
        .isEqualTo("/actuator/health/liveness");
    assertThat(container.getResources().getRequests())
        .containsEntry("cpu", new Quantity("100m"))
        .containsEntry("memory", new Quantity("256Mi"));
    assertThat(container.getResources().getLimits())
        .containsEntry("cpu", new Quantity("1"))
        .containsEntry("memory", new Quantity("512Mi"));
  }

  @Test
  void inputsOverrideProbesResourcesPortAndNamespace() throws IOException {
    Deployment deployment =
        deployment(
            Map.of(
                "port", "9000",
                "replicas", 3,
                "namespace", "payments",
                "livenessPath", "/livez",
                "readinessPath", "/readyz",
                "cpuRequest", "250m",
                "memoryRequest", "1Gi",
                "cpuLimit", "2",
                "memoryLimit", "2Gi"));
    Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);

    assertThat(deployment.getMetadata().getNamespace()).isEqualTo("payments");
    assertThat(deployment.getSpec().getReplicas()).isEqualTo(3);
    assertThat(container.getPorts().get(0).getContainerPort()).isEqualTo(9000);
    assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/livez");
    assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
    assertThat(container.getResources().getRequests())
        .containsEntry("cpu", new Quantity("250m"))
        .containsEntry("memory", new Quantity("1Gi"));
    assertThat(container.getResources().getLimits())
        .containsEntry("cpu", new Quantity("2"))
        .containsEntry("memory", new Quantity("2Gi"));
  }

  @Test
  void openTelemetryIsWiredAndTheServiceEnvFollowsByName() throws IOException {
    Deployment deployment =
        deployment(
            Map.of(
                "environment", "staging",
                "otlpEndpoint", "https://otel.example.com:4318",
                "env", Map.of("SPRING_PROFILES_ACTIVE", "staging", "FEATURE_X", true)));
    Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);

    assertThat(container.getEnv())
        .extracting(EnvVar::getName, EnvVar::getValue)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("OTEL_SERVICE_NAME", "checkout"),
            org.assertj.core.groups.Tuple.tuple(
                "OTEL_EXPORTER_OTLP_ENDPOINT", "https://otel.example.com:4318"),
            org.assertj.core.groups.Tuple.tuple("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"),
            org.assertj.core.groups.Tuple.tuple(
                "OTEL_RESOURCE_ATTRIBUTES",
                "service.namespace=team-payments,deployment.environment=staging"),
            org.assertj.core.groups.Tuple.tuple("FEATURE_X", "true"),
            org.assertj.core.groups.Tuple.tuple("SPRING_PROFILES_ACTIVE", "staging"));
  }

  @Test
  void defaultCollectorEndpoint() throws IOException {
    Container container =
        deployment(Map.of()).getSpec().getTemplate().getSpec().getContainers().get(0);

    assertThat(container.getEnv())
        .filteredOn(env -> env.getName().equals("OTEL_EXPORTER_OTLP_ENDPOINT"))
        .extracting(EnvVar::getValue)
        .containsExactly("http://otel-collector.observability.svc:4318");
  }

  @Test
  void labelsOnTheDeploymentAndItsPodsSelectorOnTheNameOnly() throws IOException {
    Deployment deployment = deployment(Map.of());

    ManifestAssertions.assertPavedLabels(deployment.getMetadata(), "checkout", "team-payments");
    assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
        .isEqualTo(deployment.getMetadata().getLabels());
    assertThat(deployment.getSpec().getSelector().getMatchLabels())
        .containsExactly(Map.entry("app.kubernetes.io/name", "checkout"));
  }

  @Test
  void writablePathsReplaceTmpEachWithItsOwnEmptyDir() throws IOException {
    Deployment deployment =
        deployment(
            Map.of("writablePaths", List.of("/tmp", "/var/cache/nginx", "/var/Cache_nginx")));
    PodSpec pod = deployment.getSpec().getTemplate().getSpec();

    assertThat(pod.getContainers().get(0).getVolumeMounts())
        .extracting(m -> m.getMountPath() + "=" + m.getName())
        .containsExactly(
            "/tmp=tmp", "/var/cache/nginx=var-cache-nginx", "/var/Cache_nginx=writable-3");
    assertThat(pod.getVolumes())
        .extracting(Volume::getName)
        .containsExactly("tmp", "var-cache-nginx", "writable-3");
    assertThat(pod.getVolumes()).allSatisfy(v -> assertThat(v.getEmptyDir()).isNotNull());
    assertThat(pod.getContainers().get(0).getSecurityContext().getReadOnlyRootFilesystem())
        .isTrue();
  }

  @Test
  void podAnnotationsGoOnThePodTemplateOnly() throws IOException {
    Deployment deployment =
        deployment(
            Map.of(
                "podAnnotations",
                Map.of(
                    "vault.hashicorp.com/agent-inject", "true",
                    "vault.hashicorp.com/agent-inject-template-db", "{{ with secret \"x\" }}\n")));

    assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
        .containsEntry("vault.hashicorp.com/agent-inject", "true")
        .containsEntry("vault.hashicorp.com/agent-inject-template-db", "{{ with secret \"x\" }}\n");
    assertThat(deployment.getMetadata().getAnnotations())
        .doesNotContainKey("vault.hashicorp.com/agent-inject");
  }

  @Test
  void aTokenAudienceProjectsAShortLivedTokenTheAppDoesNotMount() throws IOException {
    PodSpec pod =
        deployment(Map.of("serviceAccountTokenAudience", "vault"))
            .getSpec()
            .getTemplate()
            .getSpec();

    assertThat(pod.getAutomountServiceAccountToken()).isFalse();
    Volume token =
        pod.getVolumes().stream()
            .filter(v -> v.getName().equals("service-account-token"))
            .findFirst()
            .orElseThrow();
    var projected = token.getProjected().getSources().get(0).getServiceAccountToken();
    assertThat(projected.getAudience()).isEqualTo("vault");
    assertThat(projected.getExpirationSeconds()).isEqualTo(600L);
    assertThat(pod.getContainers().get(0).getVolumeMounts())
        .extracting(m -> m.getName())
        .doesNotContain("service-account-token");
    assertThat(deployment(Map.of()).getSpec().getTemplate().getSpec().getVolumes())
        .extracting(Volume::getName)
        .containsExactly("tmp");
  }

  private Deployment deployment(Map<String, Object> overrides) throws IOException {
    Workspaces workspaces = new Workspaces(root);
    new ManifestActivitiesImpl(workspaces).k8sManifests(request(overrides));
    Path file =
        workspaces
            .forRun(ManifestActivitiesImplTest.RUN)
            .resolve(ManifestActivitiesImplTest.DIR)
            .resolve("deployment.yaml");
    return ManifestActivitiesImplTest.YAML.readValue(file.toFile(), Deployment.class);
  }
}
