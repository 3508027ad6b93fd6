package dev.paved.activities.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.paved.activities.support.Reruns;
import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.ActionResult;
import dev.paved.workflows.steps.FailureTypes;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class SecretActivitiesImplTest {

  private static final String PATH = "secret/team-payments/checkout/development";
  // the first 4 bytes of sha256("secret/team-payments/checkout/development"), in hex
  private static final String POLICY = "team-payments-checkout-development-read-69ba019b";

  @TempDir Path dir;

  private LocalSecretStore store;
  private SecretActivitiesImpl activities;
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

  @BeforeEach
  void setUp() {
    logs.start();
    root().addAppender(logs);
    store = new LocalSecretStore(dir.resolve("secrets"));
    activities = new SecretActivitiesImpl(store);
  }

  @AfterEach
  void tearDown() {
    root().detachAppender(logs);
  }

  @Test
  void generatesValuesAndReturnsOnlyNames() {
    ActionResult result = activities.vaultSecrets(request("team-payments/checkout", input()));

    assertThat(result.output())
        .containsOnly(
            Map.entry("path", PATH),
            Map.entry("policy", POLICY),
            Map.entry("keys", List.of("db-password", "api-key")));
    SecretValues values = store.read(PATH).orElseThrow();
    assertThat(values.keys()).containsExactlyInAnyOrder("db-password", "api-key");
    for (String key : values.keys()) {
      String value = values.value(key);
      assertThat(value).matches("[A-Za-z0-9_-]{43}"); // 32 bytes, base64url, no padding
      assertThat(result.toString()).doesNotContain(value);
      assertThat(logs.list).noneMatch(event -> event.getFormattedMessage().contains(value));
    }
    assertThat(values.value("db-password")).isNotEqualTo(values.value("api-key"));
    assertThat(logs.list)
        .anyMatch(e -> e.getFormattedMessage().contains("Secret path " + PATH + " ready"));
  }

  @Test
  void storeWarnsOnceThatItIsForDevelopmentOnly() {
    List<ILoggingEvent> warnings =
        logs.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();

    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0).getFormattedMessage())
        .contains("DEVELOPMENT-ONLY", "not for production");
    activities.vaultSecrets(request("team-payments/checkout", input()));
    assertThat(logs.list.stream().filter(e -> e.getLevel() == Level.WARN)).hasSize(1);
  }

  @Test
  void policyGrantsReadOnDataAndMetadataPathsOnly() {
    activities.vaultSecrets(request("team-payments/checkout", input()));

    String hcl = store.readPolicy(POLICY).orElseThrow();
    assertThat(hcl)
        .startsWith("# paved:service-key=team-payments/checkout run=run-1\n")
        .contains("path \"secret/data/team-payments/checkout/development\" {")
        .contains("path \"secret/metadata/team-payments/checkout/development\" {");
    assertThat(hcl.split("capabilities = \\[\"read\"]", -1)).hasSize(3);
    assertThat(hcl).doesNotContain("create", "update", "delete", "list", "sudo");
  }

  @Test
  void secondCallKeepsValuesAndAddsOnlyMissingKeys() {
    activities.vaultSecrets(request("team-payments/checkout", input()));
    Map<String, String> first = store.read(PATH).orElseThrow().asMap();

    Map<String, Object> more = input();
    more.put("secrets", List.of("db-password", "api-key", "webhook-token"));
    ActionResult again = activities.vaultSecrets(request("team-payments/checkout", more));

    Map<String, String> second = store.read(PATH).orElseThrow().asMap();
    assertThat(second).containsAllEntriesOf(first).containsKey("webhook-token").hasSize(3);
    assertThat(again.output().get("keys"))
        .isEqualTo(List.of("db-password", "api-key", "webhook-token"));
  }

  @Test
  void pathOfAnotherServiceIsAConflictAndStaysUntouched() {
    activities.vaultSecrets(request("team-payments/checkout", input()));
    Map<String, String> before = store.read(PATH).orElseThrow().asMap();
    store.deletePolicy(POLICY);

    assertThatThrownBy(() -> activities.vaultSecrets(request("team-payments/other", input())))
        .isInstanceOfSatisfying(
            ApplicationFailure.class, f -> assertThat(f.getType()).isEqualTo(FailureTypes.CONFLICT))
        .hasMessageContaining(PATH);
    assertThat(store.read(PATH).orElseThrow().asMap()).isEqualTo(before);
    assertThat(store.readPolicy(POLICY)).isEmpty();
  }

  @Test
  void policyNotMadeForThisServiceIsAConflictBeforeAnyWrite() {
    store.writePolicy(POLICY, "path \"secret/*\" { capabilities = [\"read\"] }\n");

    assertThatThrownBy(() -> activities.vaultSecrets(request("team-payments/checkout", input())))
        .isInstanceOfSatisfying(
            ApplicationFailure.class, f -> assertThat(f.getType()).isEqualTo(FailureTypes.CONFLICT))
        .hasMessageContaining(POLICY);
    assertThat(store.readMetadata(PATH)).isEmpty();
  }

  @Test
  void undoDeletesWhatThisServiceMade() {
    ActionRequest request = request("team-payments/checkout", input());
    activities.vaultSecrets(request);

    activities.undoVaultSecrets(request);
    activities.undoVaultSecrets(request); // nothing left: does nothing

    assertThat(store.readMetadata(PATH)).isEmpty();
    assertThat(store.readPolicy(POLICY)).isEmpty();
  }

  @Test
  void aRerunAdoptsTheSecretButOnlyTheRunThatMadeItDeletesIt() {
    ActionRequest first = request("team-payments/checkout", input());
    activities.vaultSecrets(first);
    ActionRequest rerun = Reruns.asRun(first, "run-2");

    activities.vaultSecrets(rerun);
    activities.undoVaultSecrets(rerun);
    assertThat(store.readMetadata(PATH).orElseThrow().runId()).isEqualTo("run-1");
    assertThat(store.readPolicy(POLICY).orElseThrow())
        .startsWith("# paved:service-key=team-payments/checkout run=run-1\n");

    activities.undoVaultSecrets(first);
    assertThat(store.readMetadata(PATH)).isEmpty();
    assertThat(store.readPolicy(POLICY)).isEmpty();
  }

  @Test
  void undoLeavesWhatAnotherServiceMade() {
    activities.vaultSecrets(request("team-payments/checkout", input()));
    store.writePolicy(POLICY, "# hand-written\npath \"x\" {}\n");

    activities.undoVaultSecrets(request("team-payments/other", input()));
    activities.undoVaultSecrets(request("team-payments/checkout", input()));

    assertThat(store.readMetadata(PATH)).isEmpty(); // checkout's own path went on its undo
    assertThat(store.readPolicy(POLICY)).contains("# hand-written\npath \"x\" {}\n");
  }

  @Test
  void undoOfAnotherServiceKeepsThePath() {
    activities.vaultSecrets(request("team-payments/checkout", input()));

    activities.undoVaultSecrets(request("team-payments/other", input()));

    assertThat(store.readMetadata(PATH)).isPresent();
    assertThat(store.readPolicy(POLICY)).isPresent();
  }

  @Test
  void defaultsAndGroupRefs() {
    Map<String, Object> input = new HashMap<>();
    input.put("name", "checkout");
    input.put("owner", "group:default/team-payments");
    input.put("secrets", List.of("api-key"));
    input.put("mount", "kv");
    input.put("environment", "production");

    ActionResult result = activities.vaultSecrets(request("team-payments/checkout", input));

    assertThat(result.output().get("path")).isEqualTo("kv/team-payments/checkout/production");
    assertThat(result.output().get("policy"))
        .isEqualTo("team-payments-checkout-production-read-1dcb7310");
  }

  @Test
  void kubernetesRoleBindsTheServiceAccountToThePolicy() {
    Map<String, Object> input = with("kubernetesRole", true);

    ActionResult result = activities.vaultSecrets(request("team-payments/checkout", input));

    assertThat(result.output()).containsEntry("kubernetesRole", POLICY);
    assertThat(store.readKubernetesRole(POLICY))
        .contains(
            new KubernetesRole(
                POLICY, List.of("checkout"), List.of("checkout"), List.of(POLICY), 3600));
  }

  @Test
  void kubernetesRoleTakesTheGivenServiceAccountNamespaceAndTtl() {
    Map<String, Object> input = with("kubernetesRole", "true");
    input.put("serviceAccount", "checkout-api");
    input.put("namespace", "payments");
    input.put("tokenTtl", "900");

    activities.vaultSecrets(request("team-payments/checkout", input));

    KubernetesRole role = store.readKubernetesRole(POLICY).orElseThrow();
    assertThat(role.serviceAccounts()).containsExactly("checkout-api");
    assertThat(role.namespaces()).containsExactly("payments");
    assertThat(role.ttlSeconds()).isEqualTo(900);
  }

  @Test
  void withoutTheInputNoRoleIsMade() {
    ActionResult result = activities.vaultSecrets(request("team-payments/checkout", input()));

    assertThat(result.output()).doesNotContainKey("kubernetesRole");
    assertThat(store.readKubernetesRole(POLICY)).isEmpty();
  }

  @Test
  void aRoleGrantingOtherPoliciesIsAConflictBeforeAnyWrite() {
    KubernetesRole foreign =
        new KubernetesRole(POLICY, List.of("x"), List.of("x"), List.of(POLICY, "admin"), 60);
    store.writeKubernetesRole(foreign);

    assertThatThrownBy(
            () ->
                activities.vaultSecrets(
                    request("team-payments/checkout", with("kubernetesRole", true))))
        .isInstanceOfSatisfying(
            ApplicationFailure.class, f -> assertThat(f.getType()).isEqualTo(FailureTypes.CONFLICT))
        .hasMessageContaining(POLICY);
    assertThat(store.readMetadata(PATH)).isEmpty();
    assertThat(store.readPolicy(POLICY)).isEmpty();
    assertThat(store.readKubernetesRole(POLICY)).contains(foreign);

    activities.undoVaultSecrets(request("team-payments/checkout", with("kubernetesRole", true)));
    assertThat(store.readKubernetesRole(POLICY)).contains(foreign);
  }

  @Test
  void onlyTheRunThatMadeThePolicyDeletesTheRole() {
    ActionRequest first = request("team-payments/checkout", with("kubernetesRole", true));
    activities.vaultSecrets(first);
    ActionRequest rerun = Reruns.asRun(first, "run-2");

    activities.vaultSecrets(rerun);
    activities.undoVaultSecrets(rerun);
    assertThat(store.readKubernetesRole(POLICY)).isPresent();

    activities.undoVaultSecrets(first);
    assertThat(store.readKubernetesRole(POLICY)).isEmpty();
    assertThat(store.readPolicy(POLICY)).isEmpty();
    assertThat(store.readMetadata(PATH)).isEmpty();
  }

  @Test
  void badKubernetesInputIsRefused() {
    Map<String, Object> upper = with("kubernetesRole", true);
    upper.put("serviceAccount", "Checkout");
    assertInvalid(upper);
    Map<String, Object> ttl = with("kubernetesRole", true);
    ttl.put("tokenTtl", 10);
    assertInvalid(ttl);
    assertInvalid(with("kubernetesRole", "maybe"));
    assertThat(dir.resolve("secrets/roles")).doesNotExist();
  }

  @Test
  void badInputIsRefusedAndMakesNothing() {
    assertInvalid(with("secrets", List.of("DB_PASSWORD")));
    assertInvalid(with("secrets", List.of("../x")));
    assertInvalid(with("secrets", List.of()));
    assertInvalid(with("secrets", "db-password"));
    assertInvalid(with("name", "../checkout"));
    assertInvalid(with("environment", "dev/../../x"));
    assertInvalid(with("mount", "secret/data"));
    assertInvalid(with("owner", ""));
    assertThat(dir.resolve("secrets/kv")).doesNotExist();
    assertThat(dir.resolve("secrets/policies")).doesNotExist();
  }

  private void assertInvalid(Map<String, Object> input) {
    ActionRequest request = request("team-payments/checkout", input);
    assertThatThrownBy(() -> activities.vaultSecrets(request))
        .as(input.toString())
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> assertThat(f.getType()).isEqualTo(FailureTypes.INVALID_INPUT));
    activities.undoVaultSecrets(request); // refused input: undo has nothing to do
  }

  private static Map<String, Object> with(String field, Object value) {
    Map<String, Object> input = input();
    input.put(field, value);
    return input;
  }

  private static Map<String, Object> input() {
    Map<String, Object> input = new HashMap<>();
    input.put("name", "checkout");
    input.put("owner", "team-payments");
    input.put("secrets", List.of("db-password", "api-key", "db-password"));
    return input;
  }

  private static ActionRequest request(String serviceKey, Map<String, Object> input) {
    return new ActionRequest(
        "run-1", serviceKey, "secrets", "paved:vault:secrets", input, "templates/x", "alice");
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  @Test
  void servicesWhoseNamesJoinAlikeGetDifferentPolicies() {
    Map<String, Object> first = new HashMap<>();
    first.put("name", "payments-checkout");
    first.put("owner", "team");
    first.put("secrets", List.of("api-key"));
    Map<String, Object> second = new HashMap<>(first);
    second.put("name", "checkout");
    second.put("owner", "team-payments");

    Object one =
        activities.vaultSecrets(request("team/payments-checkout", first)).output().get("policy");
    Object two =
        activities.vaultSecrets(request("team-payments/checkout", second)).output().get("policy");

    assertThat(one).isNotEqualTo(two);
  }

  @Test
  void planNamesThePathKeysAndPolicyAndTouchesNothing() {
    var planned = activities.plan(request("team-payments/checkout", input()));

    assertThat(planned.output()).containsEntry("path", PATH).containsEntry("policy", POLICY);
    assertThat(planned.resources())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r).containsEntry("kind", "secret-path").containsEntry("path", PATH);
              assertThat(r.get("policyHcl").toString()).contains("capabilities = [\"read\"]");
            });
    assertThat(store.readMetadata(PATH)).isEmpty();
    assertThat(store.readPolicy(POLICY)).isEmpty();
  }
}
