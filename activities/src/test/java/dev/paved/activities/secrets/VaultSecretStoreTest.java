package dev.paved.activities.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paved.activities.support.ServiceHealth;
import dev.paved.testfixtures.SettableClock;
import dev.paved.testfixtures.StandIn;
import dev.paved.testfixtures.StandIn.Call;
import dev.paved.testfixtures.vault.FakeVault;
import dev.paved.workflows.steps.FailureTypes;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** VaultSecretStore against a stand-in Vault: the exact requests, and Vault's failure answers. */
class VaultSecretStoreTest {

  static final String PATH = "secret/team-payments/checkout/development";
  static final String META = "/v1/secret/metadata/team-payments/checkout/development";
  static final String DATA = "/v1/secret/data/team-payments/checkout/development";
  static final String VALUE = "s3cr3t-value-never-shown";

  FakeVault vault;
  VaultSecretStore store;

  @BeforeEach
  void setUp() throws Exception {
    vault = new FakeVault();
    store = new VaultSecretStore(VaultSettings.withToken(vault.address(), FakeVault.TOKEN));
  }

  @AfterEach
  void tearDown() {
    vault.close();
  }

  @Test
  void absentPathReadsAsEmpty() {
    assertThat(store.readMetadata(PATH)).isEmpty();

    assertThat(vault.lines()).containsExactly("GET " + META);
    Call read = vault.calls().get(0);
    assertThat(read.header("X-Vault-Token")).isEqualTo(FakeVault.TOKEN);
    assertThat(read.header("X-Vault-Request")).isEqualTo("true");
    assertThat(read.header("X-Vault-Namespace")).isNull();
  }

  @Test
  void newPathIsMarkedFirstThenWrittenWithCheckAndSetZero() throws Exception {
    store.write(PATH, "team-payments/checkout", "run-1", SecretValues.of(Map.of("api-key", VALUE)));

    assertThat(vault.lines()).containsExactly("GET " + META, "POST " + META, "POST " + DATA);
    assertThat(body(1))
        .isEqualTo(
            json(
                "{\"custom_metadata\":{\"paved-service\":\"team-payments/checkout\","
                    + "\"paved-run\":\"run-1\"}}"));
    assertThat(body(2))
        .isEqualTo(json("{\"data\":{\"api-key\":\"" + VALUE + "\"},\"options\":{\"cas\":0}}"));
    assertThat(vault.calls())
        .allSatisfy(call -> assertThat(call.header("X-Vault-Token")).isEqualTo(FakeVault.TOKEN));
  }

  @Test
  void metadataHoldsTheMarkerAndKeyNamesButNoValue() {
    store.write(PATH, "team-payments/checkout", "run-1", SecretValues.of(Map.of("api-key", VALUE)));
    vault.forgetCalls();

    SecretMetadata metadata = store.readMetadata(PATH).orElseThrow();

    assertThat(vault.lines()).containsExactly("GET " + META, "GET " + DATA);
    assertThat(metadata.serviceKey()).isEqualTo("team-payments/checkout");
    assertThat(metadata.runId()).isEqualTo("run-1");
    assertThat(metadata.keys()).containsExactly("api-key");
    assertThat(metadata.created()).isEqualTo(Instant.parse(FakeVault.CREATED));
    assertThat(metadata.toString()).doesNotContain(VALUE);
  }

  @Test
  void existingKeysKeepTheirValuesAndTheMarkerStays() throws Exception {
    store.write(PATH, "team-payments/checkout", "run-1", SecretValues.of(Map.of("api-key", VALUE)));
    vault.forgetCalls();

    store.write(
        PATH,
        "team-payments/checkout",
        "run-2",
        SecretValues.of(Map.of("api-key", "other", "db-password", "pw")));

    assertThat(vault.lines()).containsExactly("GET " + META, "GET " + DATA, "POST " + DATA);
    assertThat(body(2))
        .isEqualTo(
            json(
                "{\"data\":{\"api-key\":\""
                    + VALUE
                    + "\",\"db-password\":\"pw\"},\"options\":{\"cas\":1}}"));
    assertThat(store.readMetadata(PATH).orElseThrow().runId()).isEqualTo("run-1");
  }

  @Test
  void nothingIsWrittenWhenEveryKeyIsThere() {
    store.write(PATH, "team-payments/checkout", "run-1", SecretValues.of(Map.of("api-key", VALUE)));
    vault.forgetCalls();

    store.write(PATH, "team-payments/checkout", "run-1", SecretValues.of(Map.of("api-key", "x")));

    assertThat(vault.lines()).containsExactly("GET " + META, "GET " + DATA);
  }

  @Test
  void aWriteBetweenReadAndWriteIsRetriedNotLost() {
    store.write(PATH, "team-payments/checkout", "run-1", SecretValues.of(Map.of("api-key", VALUE)));
    vault.raceNextWrite();

    assertThatThrownBy(
            () ->
                store.write(
                    PATH, "team-payments/checkout", "run-1", SecretValues.of(Map.of("k", "v"))))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> assertRetryable(f))
        .hasMessageContaining("changed while Paved wrote it")
        .hasMessageNotContaining(VALUE);
  }

  @Test
  void deleteRemovesEveryVersionThroughTheMetadataPath() {
    store.write(PATH, "team-payments/checkout", "run-1", SecretValues.of(Map.of("api-key", VALUE)));
    vault.forgetCalls();

    store.delete(PATH);
    store.delete(PATH);

    assertThat(vault.lines()).containsExactly("DELETE " + META, "DELETE " + META);
    assertThat(store.readMetadata(PATH)).isEmpty();
  }

  @Test
  void policiesAreReadWrittenAndDeletedUnderSysPoliciesAcl() throws Exception {
    String acl = "/v1/sys/policies/acl/team-payments-checkout-development-read-69ba019b";
    String hcl = "# paved:service-key=x run=run-1\npath \"secret/data/x\" {}\n";

    assertThat(store.readPolicy("team-payments-checkout-development-read-69ba019b")).isEmpty();
    store.writePolicy("team-payments-checkout-development-read-69ba019b", hcl);
    Optional<String> read = store.readPolicy("team-payments-checkout-development-read-69ba019b");
    store.deletePolicy("team-payments-checkout-development-read-69ba019b");

    assertThat(read).contains(hcl);
    assertThat(vault.lines())
        .containsExactly("GET " + acl, "POST " + acl, "GET " + acl, "DELETE " + acl);
    assertThat(body(1)).isEqualTo(StandIn.JSON.createObjectNode().put("policy", hcl));
  }

  @Test
  void kubernetesRolesLiveUnderTheKubernetesAuthPath() throws Exception {
    KubernetesRole role =
        new KubernetesRole("p-1", List.of("checkout"), List.of("payments"), List.of("p-1"), 3600);

    store.writeKubernetesRole(role);
    Optional<KubernetesRole> read = store.readKubernetesRole("p-1");
    store.deleteKubernetesRole("p-1");

    assertThat(read).contains(role);
    String path = "/v1/auth/kubernetes/role/p-1";
    assertThat(vault.lines()).containsExactly("POST " + path, "GET " + path, "DELETE " + path);
    assertThat(body(0))
        .isEqualTo(
            json(
                "{\"bound_service_account_names\":[\"checkout\"],"
                    + "\"bound_service_account_namespaces\":[\"payments\"],"
                    + "\"token_policies\":[\"p-1\"],\"token_ttl\":3600}"));
    assertThat(store.readKubernetesRole("p-1")).isEmpty();
  }

  @Test
  void aSealedVaultIsRetryable() {
    vault.sealed(true);

    assertThatThrownBy(() -> store.readMetadata(PATH))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> assertRetryable(f))
        .hasMessageContaining("sealed")
        .hasMessageContaining("503");
    assertThatThrownBy(() -> store.writePolicy("p", "path \"x\" {}"))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> assertRetryable(f));
  }

  @Test
  void aRefusedTokenIsUnauthorizedAndNotRetried() {
    store = new VaultSecretStore(VaultSettings.withToken(vault.address(), "hvs.wrong"));

    assertThatThrownBy(() -> store.readPolicy("p"))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.getType()).isEqualTo(FailureTypes.UNAUTHORIZED);
              assertThat(f.isNonRetryable()).isTrue();
            })
        .hasMessageContaining("403")
        .hasMessageContaining("permission denied")
        .hasMessageNotContaining("hvs.wrong");
    assertThat(vault.lines()).containsExactly("GET /v1/sys/policies/acl/p"); // no second try
  }

  @Test
  void aPolicyVaultCannotParseIsInvalidInputWithVaultsReason() {
    assertThatThrownBy(() -> store.writePolicy("p", "path \"x\" { capabilities = INVALID }"))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> assertThat(f.getType()).isEqualTo(FailureTypes.INVALID_INPUT))
        .hasMessageContaining("400")
        .hasMessageContaining("failed to parse policy");
  }

  @Test
  void aFailedDataReadNeverQuotesVaultsAnswer() {
    store.write(PATH, "team-payments/checkout", "run-1", SecretValues.of(Map.of("api-key", VALUE)));
    vault.failWhen("GET", DATA, 400, "{\"errors\":[\"bad request near \\\"" + VALUE + "\\\"\"]}");

    assertThatThrownBy(() -> store.readMetadata(PATH))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> assertThat(f.getType()).isEqualTo(FailureTypes.INVALID_INPUT))
        .hasMessageContaining("400")
        .hasMessageNotContaining(VALUE);
  }

  @Test
  void noAnswerIsRetryable() throws Exception {
    int port;
    try (MockWebServer gone = new MockWebServer()) {
      gone.start();
      port = gone.getPort();
    }
    store = new VaultSecretStore(VaultSettings.withToken("http://127.0.0.1:" + port, "t"));

    assertThatThrownBy(() -> store.readMetadata(PATH))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> assertRetryable(f))
        .hasMessageContaining("did not answer");
  }

  @Test
  void appRoleLogsInAndUsesTheTokenItGets() throws Exception {
    store =
        new VaultSecretStore(
            VaultSettings.withAppRole(vault.address(), FakeVault.ROLE_ID, FakeVault.SECRET_ID));

    store.readPolicy("p");
    store.readPolicy("p");

    assertThat(vault.lines())
        .containsExactly(
            "POST /v1/auth/approle/login",
            "GET /v1/sys/policies/acl/p",
            "GET /v1/sys/policies/acl/p");
    assertThat(vault.calls().get(0).header("X-Vault-Token")).isNull();
    assertThat(body(0)).isEqualTo(json("{\"role_id\":\"role-1\",\"secret_id\":\"secret-1\"}"));
    assertThat(vault.calls().get(1).header("X-Vault-Token")).isEqualTo("hvs.login-1");
  }

  @Test
  void appRoleLogsInAgainWhenTheTokenNearsItsEnd() {
    SettableClock clock = new SettableClock("2026-11-28T10:00:00Z");
    store =
        new VaultSecretStore(
            VaultSettings.withAppRole(vault.address(), FakeVault.ROLE_ID, FakeVault.SECRET_ID),
            clock);

    store.readPolicy("p");
    clock.advance(Duration.ofSeconds(2879)); // 80% of the 3600 s lease not yet passed
    store.readPolicy("p");
    clock.advance(Duration.ofSeconds(1));
    store.readPolicy("p");

    assertThat(vault.logins()).isEqualTo(2);
    assertThat(vault.calls().get(4).header("X-Vault-Token")).isEqualTo("hvs.login-2");
  }

  @Test
  void appRoleLogsInAgainOnceWhenTheTokenIsRefused() {
    store =
        new VaultSecretStore(
            VaultSettings.withAppRole(vault.address(), FakeVault.ROLE_ID, FakeVault.SECRET_ID));
    store.readPolicy("p");
    vault.revoke("hvs.login-1"); // revoked, or expired early

    store.readPolicy("p");

    assertThat(vault.lines())
        .containsExactly(
            "POST /v1/auth/approle/login",
            "GET /v1/sys/policies/acl/p",
            "GET /v1/sys/policies/acl/p",
            "POST /v1/auth/approle/login",
            "GET /v1/sys/policies/acl/p");
  }

  @Test
  void aRefusedAppRoleLoginIsUnauthorizedWithoutTheSecretId() {
    store =
        new VaultSecretStore(VaultSettings.withAppRole(vault.address(), "role-1", "wrong-secret"));

    assertThatThrownBy(() -> store.readPolicy("p"))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> assertThat(f.getType()).isEqualTo(FailureTypes.UNAUTHORIZED))
        .hasMessageContaining("PAVED_VAULT_SECRET_ID")
        .hasMessageNotContaining("wrong-secret");
  }

  @Test
  void theNamespaceGoesWithEveryRequest() {
    store =
        new VaultSecretStore(
            new VaultSettings(
                vault.address(), null, "role-1", "secret-1", null, "team-a", "kv", null));

    store.readPolicy("p");

    assertThat(vault.calls())
        .allSatisfy(r -> assertThat(r.header("X-Vault-Namespace")).isEqualTo("team-a"));
    assertThat(store.defaultMount()).isEqualTo("kv");
  }

  @Test
  void healthIsUpWhenUnsealedAndDownWhenSealed() {
    ServiceHealth up = store.health();
    vault.sealed(true);
    ServiceHealth down = store.health();

    assertThat(up.up()).isTrue();
    assertThat(down.up()).isFalse();
    assertThat(down.details()).containsEntry("sealed", true).containsEntry("status", 503);
    assertThat(vault.lines()).containsExactly("GET /v1/sys/health", "GET /v1/sys/health");
  }

  @Test
  void settingsNeverShowTheirCredentials() {
    VaultSettings token = VaultSettings.withToken("http://vault:8200/", "hvs.top-secret");
    VaultSettings appRole = VaultSettings.withAppRole("http://vault:8200", "r", "sid-top-secret");

    assertThat(token.toString()).doesNotContain("hvs.top-secret").contains("http://vault:8200");
    assertThat(appRole.toString()).doesNotContain("sid-top-secret");
    assertThat(token.address()).isEqualTo("http://vault:8200");
    assertThatThrownBy(() -> VaultSettings.withAppRole("http://vault", "r", ""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private JsonNode body(int request) {
    return vault.calls().get(request).json();
  }

  private static JsonNode json(String text) throws Exception {
    return StandIn.JSON.readTree(text);
  }

  private static void assertRetryable(ApplicationFailure failure) {
    assertThat(failure.getType()).isEqualTo(FailureTypes.UNAVAILABLE);
    assertThat(failure.isNonRetryable()).isFalse();
  }
}
