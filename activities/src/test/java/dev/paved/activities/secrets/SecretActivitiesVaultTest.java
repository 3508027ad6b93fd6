package dev.paved.activities.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.paved.activities.support.Reruns;
import dev.paved.testfixtures.vault.FakeVault;
import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.ActionResult;
import dev.paved.workflows.steps.FailureTypes;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** paved:vault:secrets through SecretActivitiesImpl and the real Vault adapter. */
class SecretActivitiesVaultTest {

  static final String POLICY = "team-payments-checkout-development-read-69ba019b";
  static final String META = "/v1/secret/metadata/team-payments/checkout/development";
  static final String DATA = "/v1/secret/data/team-payments/checkout/development";
  static final String ACL = "/v1/sys/policies/acl/" + POLICY;
  static final String ROLE = "/v1/auth/kubernetes/role/" + POLICY;

  FakeVault vault;
  SecretActivitiesImpl activities;
  final ListAppender<ILoggingEvent> logs = new ListAppender<>();

  @BeforeEach
  void setUp() throws Exception {
    logs.start();
    root().addAppender(logs);
    vault = new FakeVault();
    activities =
        new SecretActivitiesImpl(
            new VaultSecretStore(
                VaultSettings.withAppRole(
                    vault.address(), FakeVault.ROLE_ID, FakeVault.SECRET_ID)));
  }

  @AfterEach
  void tearDown() {
    root().detachAppender(logs);
    vault.close();
  }

  @Test
  void theStepMakesPathPolicyAndRoleWithExactRequests() {
    ActionResult result = activities.vaultSecrets(request("run-1", input()));

    assertThat(vault.lines())
        .containsExactly(
            "POST /v1/auth/approle/login",
            "GET " + META,
            "GET " + ACL,
            "GET " + ROLE,
            "GET " + META,
            "POST " + META,
            "POST " + DATA,
            "POST " + ACL,
            "POST " + ROLE);
    assertThat(vault.calls().subList(1, vault.calls().size()))
        .allSatisfy(r -> assertThat(r.header("X-Vault-Token")).isEqualTo("hvs.login-1"));
    assertThat(body(5).path("custom_metadata").path("paved-service").asText())
        .isEqualTo("team-payments/checkout");
    assertThat(body(5).path("custom_metadata").path("paved-run").asText()).isEqualTo("run-1");
    JsonNode data = body(6);
    assertThat(data.path("options").path("cas").asLong()).isZero();
    assertThat(data.path("data").fieldNames())
        .toIterable()
        .containsExactly("db-password", "api-key");
    assertThat(body(7).path("policy").asText())
        .startsWith("# paved:service-key=team-payments/checkout run=run-1\n")
        .contains("path \"secret/data/team-payments/checkout/development\"");
    assertThat(body(8).path("token_policies")).extracting(JsonNode::asText).containsExactly(POLICY);
    assertThat(body(8).path("bound_service_account_names"))
        .extracting(JsonNode::asText)
        .containsExactly("checkout");
    assertThat(result.output())
        .containsEntry("path", "secret/team-payments/checkout/development")
        .containsEntry("policy", POLICY)
        .containsEntry("kubernetesRole", POLICY);
    assertNoValueAppearsIn(result.toString());
  }

  @Test
  void undoDeletesRolePathAndPolicyOfItsOwnRunOnly() {
    ActionRequest first = request("run-1", input());
    activities.vaultSecrets(first);
    activities.vaultSecrets(Reruns.asRun(first, "run-2"));
    vault.forgetCalls();

    activities.undoVaultSecrets(Reruns.asRun(first, "run-2"));
    assertThat(vault.lines()).containsExactly("GET " + ACL, "GET " + META, "GET " + DATA);

    vault.forgetCalls();
    activities.undoVaultSecrets(first);
    assertThat(vault.lines())
        .containsExactly(
            "GET " + ACL,
            "GET " + ROLE,
            "DELETE " + ROLE,
            "GET " + META,
            "GET " + DATA,
            "DELETE " + META,
            "DELETE " + ACL);
    assertThat(vault.paths()).isEmpty();
    assertThat(vault.policies()).isEmpty();
    assertThat(vault.roles()).isEmpty();
  }

  @Test
  void aPathOfAnotherServiceIsAConflictAndNothingIsWritten() {
    activities.vaultSecrets(request("run-1", input()));
    vault.forgetCalls();
    ActionRequest other =
        new ActionRequest(
            "run-9", "team-payments/other", "secrets", SecretRequest.ACTION, input(), "t", "bob");

    assertThatThrownBy(() -> activities.vaultSecrets(other))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> assertThat(f.getType()).isEqualTo(FailureTypes.CONFLICT));

    assertThat(vault.lines()).allMatch(call -> call.startsWith("GET "));
  }

  @Test
  void theConfiguredMountIsTheDefault() {
    activities =
        new SecretActivitiesImpl(
            new VaultSecretStore(
                new VaultSettings(
                    vault.address(), FakeVault.TOKEN, null, null, null, null, "kv", null)));
    Map<String, Object> input = input();
    input.remove("kubernetesRole");

    ActionResult result = activities.vaultSecrets(request("run-1", input));

    assertThat(result.output().get("path")).isEqualTo("kv/team-payments/checkout/development");
    assertThat(vault.lines()).contains("POST /v1/kv/data/team-payments/checkout/development");
  }

  @Test
  void aSealedVaultFailsTheStepForARetry() {
    vault.sealed(true);

    assertThatThrownBy(() -> activities.vaultSecrets(request("run-1", input())))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.getType()).isEqualTo(FailureTypes.UNAVAILABLE);
              assertThat(f.isNonRetryable()).isFalse();
            });
  }

  @Test
  void noValueReachesALogLineOrAFailure() {
    activities.vaultSecrets(request("run-1", input()));
    vault.raceNextWrite();
    Map<String, Object> more = input();
    more.put("secrets", List.of("db-password", "api-key", "webhook-token"));

    Throwable failure = null;
    try {
      activities.vaultSecrets(request("run-1", more));
    } catch (ApplicationFailure e) {
      failure = e;
    }
    activities.vaultSecrets(request("run-1", more));
    activities.undoVaultSecrets(request("run-1", more));

    assertThat(failure).isNotNull();
    List<String> texts = new ArrayList<>();
    for (ILoggingEvent event : logs.list) {
      texts.add(event.getFormattedMessage());
      if (event.getThrowableProxy() != null) {
        texts.add(event.getThrowableProxy().getMessage());
      }
    }
    texts.add(failure.toString());
    assertThat(logs.list).isNotEmpty();
    assertNoValueAppearsIn(String.join("\n", texts));
  }

  private void assertNoValueAppearsIn(String text) {
    List<String> values = new ArrayList<>();
    vault.calls().forEach(r -> r.json().path("data").forEach(v -> values.add(v.asText())));
    assertThat(values).isNotEmpty();
    for (String value : values) {
      assertThat(value).hasSize(43);
      assertThat(text).doesNotContain(value);
    }
  }

  private JsonNode body(int request) {
    return vault.calls().get(request).json();
  }

  private static Map<String, Object> input() {
    Map<String, Object> input = new HashMap<>();
    input.put("name", "checkout");
    input.put("owner", "group:default/team-payments");
    input.put("secrets", List.of("db-password", "api-key"));
    input.put("kubernetesRole", true);
    return input;
  }

  private static ActionRequest request(String runId, Map<String, Object> input) {
    return new ActionRequest(
        runId, "team-payments/checkout", "secrets", SecretRequest.ACTION, input, "t", "ana");
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }
}
