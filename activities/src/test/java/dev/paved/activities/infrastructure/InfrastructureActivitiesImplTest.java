package dev.paved.activities.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paved.activities.support.Workspaces;
import dev.paved.terraform.CdktfSynth;
import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.ActionResult;
import dev.paved.workflows.steps.FailureTypes;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfrastructureActivitiesImplTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RUN = "run-1";

  @TempDir Path root;
  private Workspaces workspaces;
  private InfrastructureActivitiesImpl activities;

  @BeforeEach
  void setUp() {
    workspaces = new Workspaces(root);
    activities = new InfrastructureActivitiesImpl(new CdktfSynth(), workspaces);
  }

  @Test
  void writesTheStackUnderTheDefaultPathAndReportsItsResources() throws IOException {
    ActionResult result = activities.terraformStack(request(Map.of()));

    assertThat(result.output().get("path")).isEqualTo("gitops/infra/checkout/cdk.tf.json");
    assertThat(result.output().get("resources"))
        .isEqualTo(
            List.of("kubernetes_namespace_v1.namespace", "kubernetes_resource_quota_v1.quota"));
    JsonNode stack = read("gitops/infra/checkout/cdk.tf.json");
    JsonNode labels = stack.at("/resource/kubernetes_namespace_v1/namespace/metadata/labels");
    assertThat(labels.path("paved.dev/owner").asText()).isEqualTo("team-payments");
    assertThat(labels.path("paved.dev/environment").asText()).isEqualTo("development");
  }

  @Test
  void databaseVariantReadsItsPasswordFromTheSecretPath() throws IOException {
    ActionResult result =
        activities.terraformStack(
            request(
                Map.of(
                    "database", "true",
                    "secretPath", "secret/team-payments/checkout/production",
                    "environment", "production",
                    "targetPath", "infra/stacks")));

    assertThat(result.output().get("path")).isEqualTo("infra/stacks/cdk.tf.json");
    assertThat(result.output().get("resources"))
        .asInstanceOf(InstanceOfAssertFactories.LIST)
        .contains(
            "postgresql_role.database_role",
            "postgresql_database.database",
            "data.vault_kv_secret_v2.database_secret");
    JsonNode secret =
        read("infra/stacks/cdk.tf.json").at("/data/vault_kv_secret_v2/database_secret");
    assertThat(secret.path("mount").asText()).isEqualTo("secret");
    assertThat(secret.path("name").asText()).isEqualTo("team-payments/checkout/production");
  }

  @Test
  void secondCallAdoptsTheFirstAndWritesTheSameBytes() throws IOException {
    ActionResult first = activities.terraformStack(request(Map.of()));
    byte[] before = Files.readAllBytes(workspace().resolve("gitops/infra/checkout/cdk.tf.json"));

    ActionResult second = activities.terraformStack(request(Map.of()));

    assertThat(second).isEqualTo(first);
    assertThat(Files.readAllBytes(workspace().resolve("gitops/infra/checkout/cdk.tf.json")))
        .isEqualTo(before);
  }

  @Test
  void refusesToReplaceAStackMadeForAnotherService() throws IOException {
    Path file = workspace().resolve("gitops/infra/checkout/cdk.tf.json");
    Files.createDirectories(file.getParent());
    String foreign = "{\"resource\":{\"x\":{\"y\":{\"paved.dev/service-key\":\"team-a/other\"}}}}";
    Files.writeString(file, foreign);

    assertThat(failure(Map.of()).getType()).isEqualTo(FailureTypes.CONFLICT);
    assertThat(Files.readString(file)).isEqualTo(foreign);
  }

  @Test
  void refusesToReplaceAnUnmarkedFile() throws IOException {
    Path file = workspace().resolve("gitops/infra/checkout/cdk.tf.json");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "not json");

    assertThat(failure(Map.of()).getType()).isEqualTo(FailureTypes.CONFLICT);
    assertThat(Files.readString(file)).isEqualTo("not json");
  }

  @Test
  void badNamesAreInvalidInputAndWriteNothing() throws IOException {
    for (String name : List.of("Checkout", "9lives", "a".repeat(64), "../etc", "check_out")) {
      ApplicationFailure failure = failure(Map.of("name", name));
      assertThat(failure.getType()).as(name).isEqualTo(FailureTypes.INVALID_INPUT);
      assertThat(failure.isNonRetryable()).isTrue();
    }
    assertThat(Files.exists(workspace().resolve("gitops"))).isFalse();
  }

  @Test
  void missingOwnerDatabaseWithoutSecretAndEscapingPathsAreInvalidInput() {
    Map<String, Object> noOwner = new HashMap<>(base());
    noOwner.remove("owner");
    assertThat(failureFor(noOwner).getMessage()).contains("owner");
    assertThat(failure(Map.of("database", true)).getMessage()).contains("secretPath");
    assertThat(failure(Map.of("database", "maybe")).getType())
        .isEqualTo(FailureTypes.INVALID_INPUT);
    assertThat(failure(Map.of("targetPath", "../elsewhere")).getType())
        .isEqualTo(FailureTypes.INVALID_INPUT);
    assertThat(failure(Map.of("targetPath", "/tmp/x")).getType())
        .isEqualTo(FailureTypes.INVALID_INPUT);
  }

  private ApplicationFailure failure(Map<String, Object> overrides) {
    Map<String, Object> input = new HashMap<>(base());
    input.putAll(overrides);
    return failureFor(input);
  }

  private ApplicationFailure failureFor(Map<String, Object> input) {
    return catchThrowableOfType(
        ApplicationFailure.class, () -> activities.terraformStack(requestOf(input)));
  }

  private static Map<String, Object> base() {
    return Map.of("name", "checkout", "owner", "team-payments");
  }

  private static ActionRequest request(Map<String, Object> overrides) {
    Map<String, Object> input = new HashMap<>(base());
    input.putAll(overrides);
    return requestOf(input);
  }

  private static ActionRequest requestOf(Map<String, Object> input) {
    return new ActionRequest(
        RUN, "team-payments/checkout", "infra", "paved:terraform:stack", input, null, "jane");
  }

  private Path workspace() {
    return workspaces.forRun(RUN);
  }

  private JsonNode read(String relative) throws IOException {
    return JSON.readTree(workspace().resolve(relative).toFile());
  }
}
