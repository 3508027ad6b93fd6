package dev.paved.activities.manifests;

import static dev.paved.activities.manifests.ManifestActivitiesImplTest.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.paved.activities.support.Workspaces;
import dev.paved.workflows.steps.FailureTypes;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ManifestInputsTest {

  @TempDir Path root;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Checkout",
        "9lives",
        "check_out",
        "check.out",
        "checkout-",
        "-checkout",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
      })
  void nameMustBeADns1035Label(String name) {
    assertInvalid(Map.of("name", name), "name");
  }

  @Test
  void aSixtyThreeCharacterNameIsFine() {
    ManifestSpec spec = ManifestInputs.read(input(Map.of("name", "a".repeat(63))), null);
    assertThat(spec.name()).hasSize(63);
    assertThat(spec.serviceKey()).isEqualTo("team-payments/" + "a".repeat(63));
  }

  @Test
  void requiredInputs() {
    for (String field : new String[] {"name", "owner", "image"}) {
      Map<String, Object> overrides = new HashMap<>();
      overrides.put(field, null);
      assertInvalid(overrides, field);
    }
  }

  @Test
  void numbersOutOfRange() {
    assertInvalid(Map.of("port", 0), "port");
    assertInvalid(Map.of("port", 70000), "port");
    assertInvalid(Map.of("port", "http"), "port");
    assertInvalid(Map.of("replicas", -1), "replicas");
  }

  @Test
  void resourceQuantities() {
    assertInvalid(Map.of("cpuRequest", "lots"), "cpuRequest");
    assertInvalid(Map.of("memoryLimit", "1 Gi"), "memoryLimit");
    assertInvalid(Map.of("cpuRequest", "2", "cpuLimit", "500m"), "above");
    assertInvalid(Map.of("memoryRequest", "2Gi"), "above");
  }

  @Test
  void environmentVariables() {
    assertInvalid(Map.of("env", Map.of("1BAD", "x")), "env");
    assertInvalid(Map.of("env", Map.of("OTEL_SERVICE_NAME", "x")), "set by Paved");
    assertInvalid(Map.of("env", Map.of("NESTED", Map.of("a", 1))), "single value");
    assertInvalid(Map.of("env", "A=B"), "env");
  }

  @Test
  void pathsHostsNamespacesAndEndpoints() {
    assertInvalid(Map.of("livenessPath", "actuator/health"), "livenessPath");
    assertInvalid(Map.of("readinessPath", "/ready now"), "readinessPath");
    assertInvalid(Map.of("host", "Checkout.Example.com"), "host");
    assertInvalid(Map.of("namespace", "payments/prod"), "namespace");
    assertInvalid(Map.of("ingressNamespace", "Ingress"), "ingressNamespace");
    assertInvalid(Map.of("otlpEndpoint", "ftp://collector:4318"), "otlpEndpoint");
    assertInvalid(Map.of("image", "ghcr.io/acme/checkout:1 ; rm"), "image");
    assertInvalid(Map.of("owner", "team payments"), "owner");
  }

  @Test
  void podOptions() {
    assertInvalid(Map.of("writablePaths", List.of("tmp")), "writablePaths");
    assertInvalid(Map.of("writablePaths", List.of("/var/../etc")), "writablePaths");
    assertInvalid(Map.of("writablePaths", List.of("/tmp", "/tmp")), "twice");
    assertInvalid(Map.of("writablePaths", "/tmp"), "list");
    assertInvalid(Map.of("podAnnotations", Map.of("bad key", "x")), "podAnnotations");
    assertInvalid(Map.of("podAnnotations", Map.of("paved.dev/service-key", "x")), "Paved's own");
    assertInvalid(Map.of("podAnnotations", Map.of("a", List.of(1))), "single value");
    assertInvalid(Map.of("serviceAccountTokenAudience", "two words"), "audience");
  }

  @Test
  void targetPathMayNotLeaveTheWorkspace() {
    assertInvalid(Map.of("targetPath", "../../elsewhere"), "leaves the workspace");
    assertInvalid(Map.of("targetPath", "/etc/paved"), "relative");
  }

  @Test
  void badInputWritesNothing() {
    assertInvalid(Map.of("name", "Bad"), "name");
    assertThat(Files.exists(root.resolve(ManifestActivitiesImplTest.RUN).resolve("gitops")))
        .isFalse();
  }

  private void assertInvalid(Map<String, Object> overrides, String mention) {
    ManifestActivitiesImpl activities = new ManifestActivitiesImpl(new Workspaces(root));
    ApplicationFailure failure =
        catchThrowableOfType(
            ApplicationFailure.class, () -> activities.k8sManifests(request(overrides)));
    assertThat(failure).as("%s should be refused", overrides).isNotNull();
    assertThat(failure.getType()).isEqualTo(FailureTypes.INVALID_INPUT);
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage()).contains(mention);
  }

  private static Map<String, Object> input(Map<String, Object> overrides) {
    return request(overrides).input();
  }
}
