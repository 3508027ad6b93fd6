package dev.paved.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The quality gate of every template Paved ships: a real run end to end, then what it made is read
 * back and checked as the tools that will consume it would (Kubernetes' types, Backstage's entity
 * schemas, GitHub Actions' workflow shape).
 */
class ShippedTemplatesTest extends EndToEndTest {

  static final YAMLMapper K8S_YAML = new YAMLMapper();
  static final String OWNER = "team-golden";

  static Stream<String> shippedTemplates() throws IOException {
    try (Stream<Path> dirs = Files.list(Path.of("../templates"))) {
      return dirs
          .filter(d -> Files.isRegularFile(d.resolve("template.yaml")))
          .map(d -> d.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  @Test
  void paved_ships_the_golden_paths_it_promises() throws IOException {
    assertThat(shippedTemplates())
        .contains("java-service", "java-service-postgres", "go-http-service", "static-website");
    JsonNode list = get("/api/v1/templates").body();
    assertThat(list.path("refused").toString()).doesNotContain("../templates");
    for (String template : shippedTemplates().toList()) {
      assertThat(list.path("items").toString()).contains("\"name\":\"" + template + "\"");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shippedTemplates")
  void aRunMakesAWholeGoldenPathThatItsToolsAccept(String template) throws Exception {
    String name = "gp-" + template;
    String id =
        startRun(template, Map.of("name", name, "owner", OWNER, "lifecycle", "production"))
            .path("id")
            .asText();
    // a production service waits for a second person of the owning or the platform team
    JsonNode run = approveAndAwaitEnd(id);
    assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("COMPLETED");
    assertThat(run.path("steps"))
        .allSatisfy(s -> assertThat(s.path("status").asText()).isEqualTo("SUCCEEDED"));

    Path repo = clone(run.path("output").path("links").get(0).path("url").asText(), null);
    checkRepository(repo, name);
    Path gitops =
        clone(dataDir.resolve("git/platform/gitops.git").toUri().toString(), "paved/" + name);
    checkManifests(gitops.resolve("apps").resolve(name), name, template);
    JsonNode dashboard = JSON.readTree(gitops.resolve("dashboards/" + name + ".json").toFile());
    assertThat(dashboard.toString()).contains(name);
    JsonNode stack = JSON.readTree(gitops.resolve("infra/" + name + "/cdk.tf.json").toFile());
    assertThat(stack.path("resource").has("kubernetes_namespace_v1")).isTrue();
    assertThat(stack.path("resource").has("postgresql_database"))
        .isEqualTo(template.endsWith("-postgres"));
    if (template.startsWith("go-")) {
      assertThat(GoSources.problems(repo, "github.com/" + OWNER + "/" + name)).isEmpty();
    }
  }

  private static void checkRepository(Path repo, String name) throws IOException {
    assertThat(repo.resolve("Dockerfile")).isRegularFile();
    assertThat(Files.readString(repo.resolve("Dockerfile")))
        .containsPattern("(?m)^USER (65532|101|[1-9][0-9]{3,})");
    assertThat(Files.readString(repo.resolve("README.md"))).contains("## Runbook", name);
    String ci = Files.readString(repo.resolve(".github/workflows/ci.yml"));
    assertThat(GitHubWorkflows.problems(ci)).isEmpty();
    JsonNode jobs = K8S_YAML.readTree(ci).path("jobs");
    assertThat(jobs.has("lint") && jobs.has("test") && jobs.has("image")).as(ci).isTrue();
    assertThat(jobs.path("image").toString()).contains("docker/build-push-action", "push");
    // as Backstage reads it: an API entity's {$text: ./openapi.yaml} read first
    assertThat(
            BackstageEntities.problems(
                ScorecardInputs.withPlaceholdersRead(repo.resolve("catalog-info.yaml"))))
        .isEmpty();
    assertThat(
            K8S_YAML
                .readTree(repo.resolve("catalog-info.yaml").toFile())
                .path("metadata")
                .path("name")
                .asText())
        .isEqualTo(name);
    try (Stream<Path> files = Files.walk(repo)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String relative = repo.relativize(file).toString().replace(File.separatorChar, '/');
        if (relative.startsWith(".git/")) {
          continue;
        }
        assertThat(relative).doesNotContain("${{");
        // GitHub's own ${{ github.* }} expressions stay; none of the template's may.
        assertThat(Files.readString(file))
            .as(relative)
            .doesNotContain("${{ values.", "${{ parameters.");
      }
    }
  }

  private static void checkManifests(Path apps, String name, String template) throws IOException {
    Deployment deployment = read(apps, "deployment.yaml", Deployment.class);
    Service service = read(apps, "service.yaml", Service.class);
    Ingress ingress = read(apps, "ingress.yaml", Ingress.class);
    NetworkPolicy policy = read(apps, "networkpolicy.yaml", NetworkPolicy.class);
    Map<?, ?> kustomization =
        K8S_YAML.readValue(apps.resolve("kustomization.yaml").toFile(), Map.class);
    assertThat(kustomization.get("resources"))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
        .containsExactly("deployment.yaml", "service.yaml", "ingress.yaml", "networkpolicy.yaml");

    assertThat(deployment.getMetadata().getLabels())
        .containsEntry("app.kubernetes.io/name", name)
        .containsEntry("backstage.io/kubernetes-id", name)
        .containsEntry("paved.dev/owner", OWNER);
    PodSpec pod = deployment.getSpec().getTemplate().getSpec();
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getAutomountServiceAccountToken()).isFalse();
    Container container = pod.getContainers().get(0);
    assertThat(container.getAdditionalProperties()).isEmpty();
    assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
    assertThat(container.getResources().getLimits()).containsKeys("cpu", "memory");
    assertThat(container.getLivenessProbe().getHttpGet().getPath()).startsWith("/");
    assertThat(container.getReadinessProbe().getHttpGet().getPath()).startsWith("/");
    assertThat(container.getVolumeMounts()).extracting(m -> m.getMountPath()).contains("/tmp");

    int port = container.getPorts().get(0).getContainerPort();
    assertThat(service.getSpec().getSelector())
        .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
    assertThat(ingress.getSpec().getRules().get(0).getHttp().getPaths().get(0).getBackend())
        .satisfies(b -> assertThat(b.getService().getName()).isEqualTo(name));
    assertThat(policy.getSpec().getPolicyTypes()).contains("Ingress");
    assertThat(policy.getSpec().getPodSelector().getMatchLabels())
        .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
    assertThat(policy.getSpec().getIngress())
        .singleElement()
        .satisfies(
            rule -> assertThat(rule.getPorts().get(0).getPort().getIntVal()).isEqualTo(port));

    Map<String, String> annotations =
        deployment.getSpec().getTemplate().getMetadata().getAnnotations();
    if (template.equals("static-website")) {
      assertThat(annotations).isNullOrEmpty();
      assertThat(container.getVolumeMounts())
          .extracting(m -> m.getMountPath())
          .contains("/var/cache/nginx");
      return;
    }
    // The service's Vault secret reaches the pod through Vault Agent, never through Paved.
    String secretPath = "secret/data/" + OWNER + "/" + name + "/production";
    assertThat(annotations)
        .containsEntry("vault.hashicorp.com/agent-inject", "true")
        .containsEntry(
            "vault.hashicorp.com/agent-service-account-token-volume-name", "service-account-token")
        .hasEntrySatisfying(
            "vault.hashicorp.com/role",
            role -> assertThat(role).startsWith(OWNER + "-" + name + "-production-read-"));
    assertThat(annotations.entrySet())
        .filteredOn(e -> e.getKey().startsWith("vault.hashicorp.com/agent-inject-template-"))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.getValue())
                    .contains("with secret \"" + secretPath + "\"", "index .Data.data")
                    .doesNotContain("${{"));
    assertThat(pod.getVolumes()).extracting(v -> v.getName()).contains("service-account-token");
    if (template.equals("java-service-postgres")) {
      assertThat(annotations)
          .containsEntry("vault.hashicorp.com/agent-inject-secret-database.properties", secretPath);
      assertThat(container.getEnv())
          .anySatisfy(e -> assertThat(e.getName()).isEqualTo("DATABASE_HOST"));
    }
  }

  private static <T extends io.fabric8.kubernetes.api.model.HasMetadata> T read(
      Path dir, String file, Class<T> type) throws IOException {
    T object = K8S_YAML.readValue(dir.resolve(file).toFile(), type);
    assertThat(object.getMetadata().getNamespace()).as(file).isNotBlank();
    // Every field was known to the typed model: nothing landed in the catch-all map.
    try {
      assertThat((Map<?, ?>) type.getMethod("getAdditionalProperties").invoke(object))
          .as(file)
          .isEmpty();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
    return object;
  }

  private static Path clone(String uri, String branch) throws Exception {
    Path dir = Files.createTempDirectory("shipped");
    var clone = Git.cloneRepository().setURI(uri).setDirectory(dir.toFile());
    if (branch != null) {
      clone.setBranch(branch);
    }
    clone.call().close();
    return dir;
  }
}
