package dev.paved.activities.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paved.testfixtures.StandIn;
import dev.paved.testfixtures.StandIn.Call;
import dev.paved.testfixtures.vault.FakeVault;
import dev.paved.workflows.access.GrantRequest;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Vault grant provider against a Vault stand-in: the exact requests, and Vault's errors. */
class VaultGrantProviderTest {

  static final String ISSUED_TOKEN = FakeVault.issuedToken(1);
  static final String ACCESSOR = FakeVault.issuedAccessor(1);
  static final String CREDENTIALS_PATH = "secret/paved/access/alice/a-0123456789abcdef";
  static final String CREDENTIALS = "/v1/secret/data/paved/access/alice/a-0123456789abcdef";
  static final String CREDENTIALS_METADATA =
      "/v1/secret/metadata/paved/access/alice/a-0123456789abcdef";
  static final String DENIED =
      "{\"errors\":[\"1 error occurred:\\n\\t* permission denied\\n\\n\"]}";

  static final GrantRequest WRITE =
      new GrantRequest(
          "a-0123456789abcdef",
          "component:default/checkout",
          "production",
          "write",
          "alice",
          Duration.ofHours(1));

  private final FakeVault vault = new FakeVault();

  /** Paved's grant settings for this Vault, with Paved's own token. */
  static VaultGrantSettings settings(FakeVault vault, String tokenRole) {
    return new VaultGrantSettings(
        vault.address(),
        FakeVault.TOKEN,
        tokenRole,
        "access-{environment}-{service}-{role}",
        "secret",
        "paved/access");
  }

  @AfterEach
  void stop() {
    vault.close();
  }

  @Test
  void grantCreatesATokenWithThePolicyAndTtlAndStoresItWhereOnlyTheRequesterReads() {
    String ref = new VaultGrantProvider(settings(vault, null)).grant(WRITE);

    assertThat(ref).isEqualTo(ACCESSOR);
    assertThat(vault.lines())
        .containsExactly("GET " + CREDENTIALS, "POST /v1/auth/token/create", "POST " + CREDENTIALS);
    assertThat(vault.calls())
        .allSatisfy(call -> assertThat(call.header("X-Vault-Token")).isEqualTo(FakeVault.TOKEN));
    assertThat(vault.calls().get(1).json())
        .isEqualTo(
            StandIn.parse(
                """
                {"policies":["access-production-checkout-write"],
                 "meta":{"paved_request":"a-0123456789abcdef","user":"alice",
                         "service":"component:default/checkout",
                         "environment":"production","role":"write"},
                 "ttl":"3600s","explicit_max_ttl":"3600s",
                 "display_name":"paved-a-0123456789abcdef","renewable":false}
                """));
    assertThat(vault.calls().get(2).json())
        .isEqualTo(
            StandIn.parse(
                """
                {"data":{"token":"%s","accessor":"%s","request":"a-0123456789abcdef",
                         "policy":"access-production-checkout-write","ttl":"3600s"}}
                """
                    .formatted(ISSUED_TOKEN, ACCESSOR)));
    assertThat(vault.values(CREDENTIALS_PATH).orElseThrow())
        .containsEntry("token", ISSUED_TOKEN)
        .containsEntry("accessor", ACCESSOR);
  }

  @Test
  void aTokenRoleIsUsedWhenConfigured() {
    new VaultGrantProvider(settings(vault, "paved-access")).grant(WRITE);

    assertThat(vault.lines()).contains("POST /v1/auth/token/create/paved-access");
  }

  @Test
  void aRetriedGrantAdoptsTheTokenItMadeBefore() {
    vault.secret(CREDENTIALS_PATH, Map.of("token", "hvs.made-before", "accessor", "acc-before"));

    String ref = new VaultGrantProvider(settings(vault, null)).grant(WRITE);

    assertThat(ref).isEqualTo("acc-before");
    assertThat(vault.lines()).containsExactly("GET " + CREDENTIALS);
  }

  @Test
  void aRefusedTokenCreateIsFinalAndASealedVaultIsRetried() {
    VaultGrantProvider provider = new VaultGrantProvider(settings(vault, null));
    vault.failNext(1, "POST", "/v1/auth/token/create", 403, DENIED);

    assertThatThrownBy(() -> provider.grant(WRITE))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.getType()).isEqualTo("Unauthorized");
              assertThat(f.isNonRetryable()).isTrue();
            });

    vault.sealed(true);
    assertThatThrownBy(() -> provider.grant(WRITE))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.getType()).isEqualTo("Unavailable");
              assertThat(f.isNonRetryable()).isFalse();
            });
    assertThat(vault.accessors()).isEmpty();
  }

  @Test
  void aTokenThatCannotBeStoredIsRevokedAtOnce() {
    vault.failWhen("POST", CREDENTIALS, 403, DENIED);

    assertThatThrownBy(() -> new VaultGrantProvider(settings(vault, null)).grant(WRITE))
        .isInstanceOf(ApplicationFailure.class)
        .hasMessageNotContaining(ISSUED_TOKEN);

    assertThat(vault.calls("POST", "/v1/auth/token/revoke-accessor"))
        .extracting(Call::json)
        .containsExactly(StandIn.parse("{\"accessor\":\"" + ACCESSOR + "\"}"));
    assertThat(vault.accessors()).isEmpty();
  }

  @Test
  void revokeEndsTheTokenByItsAccessorAndDeletesTheRequestersCopy() {
    VaultGrantProvider provider = new VaultGrantProvider(settings(vault, null));
    provider.grant(WRITE);
    vault.forgetCalls();

    provider.revoke(WRITE, ACCESSOR);

    assertThat(vault.lines())
        .containsExactly("POST /v1/auth/token/revoke-accessor", "DELETE " + CREDENTIALS_METADATA);
    assertThat(vault.calls())
        .allSatisfy(call -> assertThat(call.header("X-Vault-Token")).isEqualTo(FakeVault.TOKEN));
    assertThat(vault.calls().get(0).json())
        .isEqualTo(StandIn.parse("{\"accessor\":\"" + ACCESSOR + "\"}"));
    assertThat(vault.accessors()).isEmpty();
    assertThat(vault.values(CREDENTIALS_PATH)).isEmpty();
  }

  @Test
  void revokingATokenThatIsGoneSucceeds() {
    // Vault before 1.10 answers 400 "invalid accessor" to an unknown accessor; the copy may be gone
    vault.failNext(1, "DELETE", CREDENTIALS_METADATA, 404, "{\"errors\":[]}");

    new VaultGrantProvider(settings(vault, null)).revoke(WRITE, ACCESSOR);

    assertThat(vault.lines())
        .containsExactly("POST /v1/auth/token/revoke-accessor", "DELETE " + CREDENTIALS_METADATA);
  }

  @Test
  void aFailedRevokeIsAlwaysRetried() {
    vault.failWhen("POST", "/v1/auth/token/revoke-accessor", 403, DENIED);

    assertThatThrownBy(() -> new VaultGrantProvider(settings(vault, null)).revoke(WRITE, ACCESSOR))
        .isInstanceOfSatisfying(
            ApplicationFailure.class, f -> assertThat(f.isNonRetryable()).isFalse());
    assertThat(vault.lines()).doesNotContain("DELETE " + CREDENTIALS_METADATA);
  }

  @Test
  void aUserNameThatWouldLeaveTheCredentialsPathIsRefused() {
    GrantRequest sneaky =
        new GrantRequest(
            "a-1",
            "component:default/checkout",
            "production",
            "read",
            "../bob",
            Duration.ofHours(1));

    assertThatThrownBy(() -> new VaultGrantProvider(settings(vault, null)).grant(sneaky))
        .isInstanceOfSatisfying(
            ApplicationFailure.class, f -> assertThat(f.getType()).isEqualTo("InvalidInput"));
    assertThat(vault.calls()).isEmpty();
  }

  @Test
  void theSettingsNeverShowPavedsToken() {
    assertThat(settings(vault, null).toString()).doesNotContain(FakeVault.TOKEN);
  }
}
