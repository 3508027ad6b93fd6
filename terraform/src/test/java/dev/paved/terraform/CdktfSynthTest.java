package dev.paved.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CdktfSynthTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ServiceStack PLAIN =
      new ServiceStack("checkout", "team-payments", "development", false, null);
  private static final ServiceStack WITH_DATABASE =
      new ServiceStack("checkout", "team-payments", "production", true, "secret/payments/checkout");

  private final CdktfSynth synth = new CdktfSynth();

  @TempDir Path dir;

  @Test
  void namespaceIsLabelledForTheOwnerAndMarkedForTheService() throws IOException {
    SynthResult result = synth.synth(PLAIN, dir.resolve("infra"));

    assertThat(result.stackFile()).isEqualTo(dir.resolve("infra/cdk.tf.json"));
    JsonNode stack = JSON.readTree(result.stackFile().toFile());
    JsonNode metadata = stack.at("/resource/kubernetes_namespace_v1/namespace/metadata");
    assertThat(metadata.path("name").asText()).isEqualTo("checkout");
    JsonNode labels = metadata.path("labels");
    assertThat(labels.path("app.kubernetes.io/managed-by").asText()).isEqualTo("paved");
    assertThat(labels.path("paved.dev/owner").asText()).isEqualTo("team-payments");
    assertThat(labels.path("paved.dev/environment").asText()).isEqualTo("development");
    assertThat(metadata.at("/annotations/paved.dev~1service-key").asText())
        .isEqualTo("team-payments/checkout");
  }

  @Test
  void quotaLivesInTheServiceNamespace() throws IOException {
    JsonNode stack = read(synth.synth(PLAIN, dir));

    JsonNode quota = stack.at("/resource/kubernetes_resource_quota_v1/quota");
    assertThat(quota.at("/metadata/name").asText()).isEqualTo("checkout-quota");
    assertThat(quota.at("/metadata/namespace").asText())
        .isEqualTo("${kubernetes_namespace_v1.namespace.metadata[0].name}");
    assertThat(quota.at("/spec/hard/limits.memory").asText()).isEqualTo("8Gi");
    assertThat(quota.at("/spec/hard/pods").asText()).isEqualTo("20");
  }

  @Test
  void plainStackHasOnlyTheKubernetesProviderPinnedAndLocalState() throws IOException {
    SynthResult result = synth.synth(PLAIN, dir);
    JsonNode stack = read(result);

    assertThat(fieldNames(stack.path("provider"))).containsExactly("kubernetes");
    JsonNode required = stack.at("/terraform/required_providers");
    assertThat(fieldNames(required)).containsExactly("kubernetes");
    assertThat(required.at("/kubernetes/source").asText()).isEqualTo("hashicorp/kubernetes");
    assertThat(required.at("/kubernetes/version").asText()).startsWith("~> ");
    assertThat(stack.at("/terraform/backend/local/path").asText()).isEqualTo("terraform.tfstate");
    assertThat(stack.has("data")).isFalse();
    assertThat(result.resources())
        .containsExactly("kubernetes_namespace_v1.namespace", "kubernetes_resource_quota_v1.quota");
  }

  @Test
  void databaseIsWiredToTheServiceSecretPath() throws IOException {
    SynthResult result = synth.synth(WITH_DATABASE, dir);
    JsonNode stack = read(result);

    assertThat(fieldNames(stack.path("provider")))
        .containsExactlyInAnyOrder("kubernetes", "vault", "postgresql");
    JsonNode required = stack.at("/terraform/required_providers");
    assertThat(required.at("/postgresql/source").asText()).isEqualTo("cyrilgdn/postgresql");
    assertThat(required.at("/vault/source").asText()).isEqualTo("hashicorp/vault");
    assertThat(required.at("/postgresql/version").asText()).startsWith("~> ");
    assertThat(required.at("/vault/version").asText()).startsWith("~> ");

    JsonNode secret = stack.at("/data/vault_kv_secret_v2/database_secret");
    assertThat(secret.path("mount").asText()).isEqualTo("secret");
    assertThat(secret.path("name").asText()).isEqualTo("payments/checkout");
    JsonNode role = stack.at("/resource/postgresql_role/database_role");
    assertThat(role.path("name").asText()).isEqualTo("checkout");
    assertThat(role.path("login").asBoolean()).isTrue();
    assertThat(role.path("password").asText())
        .isEqualTo("${data.vault_kv_secret_v2.database_secret.data[\"password\"]}");
    JsonNode database = stack.at("/resource/postgresql_database/database");
    assertThat(database.path("name").asText()).isEqualTo("checkout");
    assertThat(database.path("owner").asText()).isEqualTo("${postgresql_role.database_role.name}");
    assertThat(result.resources())
        .containsExactlyInAnyOrder(
            "kubernetes_namespace_v1.namespace",
            "kubernetes_resource_quota_v1.quota",
            "postgresql_role.database_role",
            "postgresql_database.database",
            "data.vault_kv_secret_v2.database_secret");
  }

  @Test
  void dashesInTheServiceNameBecomeUnderscoresInTheDatabase() throws IOException {
    ServiceStack spec = new ServiceStack("order-history", "team-a", "dev", true, "kv/a/b");
    JsonNode stack = read(synth.synth(spec, dir));

    assertThat(stack.at("/resource/postgresql_database/database/name").asText())
        .isEqualTo("order_history");
    assertThat(stack.at("/resource/kubernetes_namespace_v1/namespace/metadata/name").asText())
        .isEqualTo("order-history");
    assertThat(stack.at("/data/vault_kv_secret_v2/database_secret/mount").asText()).isEqualTo("kv");
  }

  @Test
  void secondSynthWritesTheSameBytes() throws IOException {
    byte[] first = Files.readAllBytes(synth.synth(WITH_DATABASE, dir.resolve("a")).stackFile());
    byte[] second = Files.readAllBytes(synth.synth(WITH_DATABASE, dir.resolve("b")).stackFile());

    assertThat(second).isEqualTo(first);
    assertThat(new String(first, java.nio.charset.StandardCharsets.UTF_8))
        .doesNotContain(dir.toString());
  }

  @Test
  void replacesAnEarlierStackAndLeavesNoScratchFiles() throws IOException {
    synth.synth(WITH_DATABASE, dir);
    SynthResult result = synth.synth(PLAIN, dir);

    assertThat(read(result).has("data")).isFalse();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("cdk.tf.json");
    }
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    try (Stream<Path> scratch = Files.list(tmp)) {
      assertThat(scratch.filter(p -> p.getFileName().toString().startsWith("paved-cdktf-")))
          .isEmpty();
    }
  }

  @Test
  void concurrentSynthsEachGetTheirOwnStack() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<SynthResult>> futures =
          Stream.of("alpha", "bravo", "charlie", "delta")
              .map(
                  name ->
                      pool.submit(
                          () ->
                              synth.synth(
                                  new ServiceStack(name, "team-a", "dev", false, null),
                                  dir.resolve(name))))
              .toList();
      for (Future<SynthResult> future : futures) {
        SynthResult result = future.get();
        String name = result.stackFile().getParent().getFileName().toString();
        assertThat(
                read(result)
                    .at("/resource/kubernetes_namespace_v1/namespace/metadata/name")
                    .asText())
            .isEqualTo(name);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static JsonNode read(SynthResult result) throws IOException {
    return JSON.readTree(result.stackFile().toFile());
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
