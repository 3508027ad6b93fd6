package dev.paved.activities.manifests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.paved.activities.support.Workspaces;
import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.ActionResult;
import dev.paved.workflows.steps.FailureTypes;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestActivitiesImplTest {

  static final YAMLMapper YAML = new YAMLMapper();
  static final String RUN = "run-7";
  static final String DIR = "gitops/apps/checkout";
  static final List<String> FILES =
      List.of(
          "deployment.yaml",
          "service.yaml",
          "ingress.yaml",
          "networkpolicy.yaml",
          "kustomization.yaml");

  @TempDir Path root;
  Workspaces workspaces;
  ManifestActivitiesImpl activities;

  @BeforeEach
  void setUp() {
    workspaces = new Workspaces(root);
    activities = new ManifestActivitiesImpl(workspaces);
  }

  @Test
  void writesFiveFilesAndReportsThem() throws IOException {
    ActionResult result = activities.k8sManifests(request(Map.of()));

    assertThat(result.output().get("path")).isEqualTo(DIR);
    assertThat(result.output().get("files"))
        .isEqualTo(FILES.stream().map(f -> DIR + "/" + f).toList());
    try (Stream<Path> written = Files.list(workspace().resolve(DIR))) {
      assertThat(written.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(FILES);
    }
    Map<?, ?> kustomization = read("kustomization.yaml", Map.class);
    assertThat(kustomization.get("kind")).isEqualTo("Kustomization");
    assertThat(kustomization.get("resources")).isEqualTo(FILES.subList(0, 4));
  }

  @Test
  void yamlHasNoDocumentMarkerNullsOrEmptyValues() throws IOException {
    activities.k8sManifests(request(Map.of()));

    for (String file : FILES) {
      String yaml = Files.readString(workspace().resolve(DIR).resolve(file));
      assertThat(yaml).as(file).doesNotStartWith("---").doesNotContain("null", "{}", "[]");
      assertThat(yaml).as(file).doesNotContain("additionalProperties");
    }
  }

  @Test
  void serviceExposesThePortToTheDeploymentPods() throws IOException {
    activities.k8sManifests(request(Map.of("port", 9090)));

    Service service = read("service.yaml", Service.class);
    assertThat(service.getMetadata().getName()).isEqualTo("checkout");
    assertThat(service.getMetadata().getNamespace()).isEqualTo("checkout");
    assertThat(service.getSpec().getType()).isEqualTo("ClusterIP");
    assertThat(service.getSpec().getSelector())
        .containsExactly(Map.entry("app.kubernetes.io/name", "checkout"));
    assertThat(service.getSpec().getPorts().get(0).getPort()).isEqualTo(9090);
    assertThat(service.getSpec().getPorts().get(0).getTargetPort().getStrVal()).isEqualTo("http");
    ManifestAssertions.assertPavedLabels(service.getMetadata(), "checkout", "team-payments");
  }

  @Test
  void ingressRoutesTheHostToTheService() throws IOException {
    activities.k8sManifests(request(Map.of("host", "checkout.example.com")));

    Ingress ingress = read("ingress.yaml", Ingress.class);
    assertThat(ingress.getApiVersion()).isEqualTo("networking.k8s.io/v1");
    assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
    var rule = ingress.getSpec().getRules().get(0);
    assertThat(rule.getHost()).isEqualTo("checkout.example.com");
    var path = rule.getHttp().getPaths().get(0);
    assertThat(path.getPath()).isEqualTo("/");
    assertThat(path.getPathType()).isEqualTo("Prefix");
    assertThat(path.getBackend().getService().getName()).isEqualTo("checkout");
    assertThat(path.getBackend().getService().getPort().getName()).isEqualTo("http");
    ManifestAssertions.assertPavedLabels(ingress.getMetadata(), "checkout", "team-payments");
  }

  @Test
  void defaultHostIsTheNameUnderLocal() throws IOException {
    activities.k8sManifests(request(Map.of()));

    assertThat(read("ingress.yaml", Ingress.class).getSpec().getRules().get(0).getHost())
        .isEqualTo("checkout.local");
  }

  @Test
  void networkPolicyAdmitsOnlyIngressControllerAndMonitoringOnTheServicePort() throws IOException {
    activities.k8sManifests(request(Map.of("port", 8081, "ingressNamespace", "traefik")));

    NetworkPolicy policy = read("networkpolicy.yaml", NetworkPolicy.class);
    assertThat(policy.getSpec().getPodSelector().getMatchLabels())
        .containsExactly(Map.entry("app.kubernetes.io/name", "checkout"));
    assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress");
    assertThat(policy.getSpec().getIngress()).hasSize(1);
    var rule = policy.getSpec().getIngress().get(0);
    assertThat(rule.getFrom())
        .extracting(peer -> peer.getNamespaceSelector().getMatchLabels())
        .containsExactly(
            Map.of("kubernetes.io/metadata.name", "traefik"),
            Map.of("kubernetes.io/metadata.name", "monitoring"));
    assertThat(rule.getFrom()).allSatisfy(peer -> assertThat(peer.getPodSelector()).isNull());
    assertThat(rule.getPorts()).hasSize(1);
    assertThat(rule.getPorts().get(0).getPort().getIntVal()).isEqualTo(8081);
    assertThat(rule.getPorts().get(0).getProtocol()).isEqualTo("TCP");
  }

  @Test
  void secondCallWritesTheSameFilesAndOutput() throws IOException {
    ActionResult first = activities.k8sManifests(request(Map.of("env", Map.of("B", 2, "A", "x"))));
    Map<String, byte[]> before = snapshot();

    ActionResult second = activities.k8sManifests(request(Map.of("env", Map.of("A", "x", "B", 2))));

    assertThat(second).isEqualTo(first);
    Map<String, byte[]> after = snapshot();
    assertThat(after).containsOnlyKeys(before.keySet());
    before.forEach((file, bytes) -> assertThat(after.get(file)).as(file).isEqualTo(bytes));
  }

  @Test
  void adoptsItsOwnEarlierFilesWithOtherContent() throws IOException {
    activities.k8sManifests(request(Map.of("replicas", 1)));

    activities.k8sManifests(request(Map.of("replicas", 4)));

    assertThat(
            read("deployment.yaml", io.fabric8.kubernetes.api.model.apps.Deployment.class)
                .getSpec()
                .getReplicas())
        .isEqualTo(4);
  }

  @Test
  void refusesToOverwriteAFileNotMadeForThisServiceAndWritesNothing() throws IOException {
    Path dir = Files.createDirectories(workspace().resolve(DIR));
    String foreign =
        "kind: Service\nmetadata:\n  name: x\n  annotations:\n    paved.dev/service-key: a/b\n";
    Files.writeString(dir.resolve("service.yaml"), foreign);

    ApplicationFailure failure =
        catchThrowableOfType(
            ApplicationFailure.class, () -> activities.k8sManifests(request(Map.of())));

    assertThat(failure.getType()).isEqualTo(FailureTypes.CONFLICT);
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(Files.readString(dir.resolve("service.yaml"))).isEqualTo(foreign);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("service.yaml");
    }
  }

  @Test
  void targetPathIsHonouredAndDotMeansTheWorkspace() {
    ActionResult result = activities.k8sManifests(request(Map.of("targetPath", "deploy/k8s")));
    assertThat(result.output().get("path")).isEqualTo("deploy/k8s");
    assertThat(Files.exists(workspace().resolve("deploy/k8s/deployment.yaml"))).isTrue();

    ActionResult atRoot = activities.k8sManifests(request(Map.of("targetPath", ".")));
    assertThat(atRoot.output().get("path")).isEqualTo(".");
    assertThat(atRoot.output().get("files")).isEqualTo(FILES);
  }

  static ActionRequest request(Map<String, Object> overrides) {
    Map<String, Object> input = new HashMap<>();
    input.put("name", "checkout");
    input.put("owner", "team-payments");
    input.put("image", "ghcr.io/acme/checkout:1.4.2");
    input.putAll(overrides);
    input.values().removeIf(v -> v == null);
    return new ActionRequest(
        RUN, "team-payments/checkout", "manifests", "paved:k8s:manifests", input, null, "jane");
  }

  Path workspace() {
    return workspaces.forRun(RUN);
  }

  <T> T read(String file, Class<T> type) throws IOException {
    return YAML.readValue(workspace().resolve(DIR).resolve(file).toFile(), type);
  }

  private Map<String, byte[]> snapshot() throws IOException {
    Map<String, byte[]> files = new HashMap<>();
    for (String file : FILES) {
      files.put(file, Files.readAllBytes(workspace().resolve(DIR).resolve(file)));
    }
    return files;
  }
}
