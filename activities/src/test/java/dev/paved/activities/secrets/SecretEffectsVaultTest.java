package dev.paved.activities.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.activities.support.ReportedEffects;
import dev.paved.activities.support.ReportedEffects.Reported;
import dev.paved.testfixtures.Fault;
import dev.paved.testfixtures.vault.FakeVault;
import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.FailureTypes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What paved:vault:secrets reports it made when Vault fails a making call, through the worker's
 * interceptor and the real Vault adapter: a 503 (sealed, standby) or a 4xx made nothing, so the
 * rollback skips the undo; a reset connection or another 5xx may have made it.
 */
class SecretEffectsVaultTest {

  static final String PATH = "secret/team-payments/checkout/development";
  static final String META = "/v1/secret/metadata/team-payments/checkout/development";
  static final String DATA = "/v1/secret/data/team-payments/checkout/development";
  static final String POLICY = SecretActivitiesVaultTest.POLICY;
  static final String SECRET_EFFECT = "vault secret " + PATH;
  static final String POLICY_EFFECT = "vault policy " + POLICY;
  static final String ROLE_EFFECT = "vault kubernetes role " + POLICY;

  FakeVault vault;
  SecretActivitiesImpl activities;

  @BeforeEach
  void setUp() {
    vault = new FakeVault();
    activities =
        new SecretActivitiesImpl(
            new VaultSecretStore(VaultSettings.withToken(vault.address(), FakeVault.TOKEN)));
  }

  @AfterEach
  void tearDown() {
    vault.close();
  }

  @Test
  void aStepThatMadeEverythingReportsItAllMade() {
    Reported reported = run();

    assertThat(reported.failure()).isNull();
    assertThat(reported.effects().made())
        .containsExactly(SECRET_EFFECT, POLICY_EFFECT, ROLE_EFFECT);
    assertThat(reported.effects().intended()).isEmpty();
  }

  @Test
  void a503ToTheMarkMadeNothing() {
    vault.faults().next(1, "POST", META, Fault.status(503));

    Reported reported = run();

    assertThat(reported.failure().getType()).isEqualTo(FailureTypes.UNAVAILABLE);
    assertThat(reported.failure().isNonRetryable()).isFalse();
    assertThat(reported.effects().mayExist()).isFalse();
    assertThat(vault.paths()).isEmpty();
  }

  @Test
  void aResetAfterTheMarkWasSentMayHaveMadeThePath() {
    vault.faults().next(1, "POST", META, Fault.reset());

    Reported reported = run();

    assertThat(reported.failure().getType()).isEqualTo(FailureTypes.UNAVAILABLE);
    assertThat(reported.effects().made()).isEmpty();
    assertThat(reported.effects().intended()).containsExactly(SECRET_EFFECT);
  }

  @Test
  void anotherServerErrorToTheMarkMayHaveMadeThePath() {
    vault.faults().next(1, "POST", META, Fault.status(502));

    Reported reported = run();

    assertThat(reported.effects().intended()).containsExactly(SECRET_EFFECT);
  }

  @Test
  void a503ToTheValuesAfterThisCallsMarkLeavesThePathMayExist() {
    vault.faults().next(1, "POST", DATA, Fault.status(503));

    Reported reported = run();

    assertThat(reported.effects().intended()).containsExactly(SECRET_EFFECT);
    assertThat(vault.customMetadata(PATH)).isPresent(); // the mark made the path
  }

  @Test
  void a503ToTheValuesOfAPathThatWasThereMadeNothing() {
    activities.vaultSecrets(request(input(List.of("db-password"))));
    vault.faults().next(1, "POST", DATA, Fault.status(503));

    Reported reported = run(input(List.of("db-password", "api-key")));

    assertThat(reported.failure()).isNotNull();
    assertThat(reported.effects().mayExist()).isFalse();
  }

  @Test
  void a503ToThePolicyLeavesOnlyTheSecretMade() {
    vault.faults().next(1, "POST", "/v1/sys/policies/acl/.*", Fault.status(503));

    Reported reported = run();

    assertThat(reported.effects().made()).containsExactly(SECRET_EFFECT);
    assertThat(reported.effects().intended()).isEmpty();
  }

  @Test
  void aResetOnThePolicyLeavesItMayExist() {
    vault.faults().next(1, "POST", "/v1/sys/policies/acl/.*", Fault.reset());

    Reported reported = run();

    assertThat(reported.effects().made()).containsExactly(SECRET_EFFECT);
    assertThat(reported.effects().intended()).containsExactly(POLICY_EFFECT);
  }

  @Test
  void aRefusedRoleMadeNothingButThePathAndPolicyStayMade() {
    vault.faults().next(1, "POST", "/v1/auth/kubernetes/role/.*", Fault.status(400));

    Reported reported = run();

    assertThat(reported.failure().getType()).isEqualTo(FailureTypes.INVALID_INPUT);
    assertThat(reported.effects().made()).containsExactly(SECRET_EFFECT, POLICY_EFFECT);
    assertThat(reported.effects().intended()).isEmpty();
  }

  private Reported run() {
    return run(input(List.of("db-password", "api-key")));
  }

  private Reported run(Map<String, Object> input) {
    return ReportedEffects.of(() -> activities.vaultSecrets(request(input)));
  }

  private static Map<String, Object> input(List<String> secrets) {
    Map<String, Object> input = new HashMap<>();
    input.put("name", "checkout");
    input.put("owner", "group:default/team-payments");
    input.put("secrets", secrets);
    input.put("kubernetesRole", true);
    return input;
  }

  private static ActionRequest request(Map<String, Object> input) {
    return new ActionRequest(
        "run-1", "team-payments/checkout", "secrets", SecretRequest.ACTION, input, "t", "ana");
  }
}
