package dev.paved.activities.access;

import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.paved.activities.access.VaultStandIn.ACCESSOR;
import static dev.paved.activities.access.VaultStandIn.CREDENTIALS;
import static dev.paved.activities.access.VaultStandIn.CREDENTIALS_METADATA;
import static dev.paved.activities.access.VaultStandIn.ISSUED_TOKEN;
import static dev.paved.activities.access.VaultStandIn.PAVED_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.paved.workflows.access.GrantRequest;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Vault grant provider against a Vault stand-in: the exact requests, and Vault's errors. */
class VaultGrantProviderTest {

  static final GrantRequest WRITE =
      new GrantRequest(
          "a-0123456789abcdef",
          "component:default/checkout",
          "production",
          "write",
          "alice",
          Duration.ofHours(1));

  private final VaultStandIn vault = new VaultStandIn();

  @AfterEach
  void stop() {
    vault.close();
  }

  @Test
  void grantCreatesATokenWithThePolicyAndTtlAndStoresItWhereOnlyTheRequesterReads() {
    vault.grantsTokens("/v1/auth/token/create");

    String ref = new VaultGrantProvider(vault.settings(null)).grant(WRITE);

    assertThat(ref).isEqualTo(ACCESSOR);
    vault.server.verify(
        getRequestedFor(urlEqualTo(CREDENTIALS)).withHeader("X-Vault-Token", equalTo(PAVED_TOKEN)));
    vault.server.verify(
        postRequestedFor(urlEqualTo("/v1/auth/token/create"))
            .withHeader("X-Vault-Token", equalTo(PAVED_TOKEN))
            .withRequestBody(
                equalToJson(
                    """
                    {"policies":["access-production-checkout-write"],
                     "meta":{"paved_request":"a-0123456789abcdef","user":"alice",
                             "service":"component:default/checkout",
                             "environment":"production","role":"write"},
                     "ttl":"3600s","explicit_max_ttl":"3600s",
                     "display_name":"paved-a-0123456789abcdef","renewable":false}
                    """)));
    vault.server.verify(
        postRequestedFor(urlEqualTo(CREDENTIALS))
            .withHeader("X-Vault-Token", equalTo(PAVED_TOKEN))
            .withRequestBody(
                equalToJson(
                    """
                    {"data":{"token":"%s","accessor":"%s","request":"a-0123456789abcdef",
                             "policy":"access-production-checkout-write","ttl":"3600s"}}
                    """
                        .formatted(ISSUED_TOKEN, ACCESSOR))));
    assertThat(vault.server.getAllServeEvents()).hasSize(3);
  }

  @Test
  void aTokenRoleIsUsedWhenConfigured() {
    vault.grantsTokens("/v1/auth/token/create/paved-access");

    new VaultGrantProvider(vault.settings("paved-access")).grant(WRITE);

    vault.server.verify(postRequestedFor(urlEqualTo("/v1/auth/token/create/paved-access")));
  }

  @Test
  void aRetriedGrantAdoptsTheTokenItMadeBefore() {
    vault.server.stubFor(
        get(urlEqualTo(CREDENTIALS))
            .willReturn(
                VaultStandIn.json(
                    200,
                    """
                    {"data":{"data":{"token":"%s","accessor":"%s"},
                             "metadata":{"version":1}}}
                    """
                        .formatted(ISSUED_TOKEN, ACCESSOR))));

    String ref = new VaultGrantProvider(vault.settings(null)).grant(WRITE);

    assertThat(ref).isEqualTo(ACCESSOR);
    vault.server.verify(0, postRequestedFor(urlPathMatching("/v1/auth/token/create.*")));
  }

  @Test
  void aRefusedTokenCreateIsFinalAndASealedVaultIsRetried() {
    vault.server.stubFor(get(urlEqualTo(CREDENTIALS)).willReturn(VaultStandIn.errors(404)));
    vault.server.stubFor(
        post(urlEqualTo("/v1/auth/token/create"))
            .willReturn(VaultStandIn.errors(403, "1 error occurred:\n\t* permission denied\n\n")));
    VaultGrantProvider provider = new VaultGrantProvider(vault.settings(null));

    assertThatThrownBy(() -> provider.grant(WRITE))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.getType()).isEqualTo("Unauthorized");
              assertThat(f.isNonRetryable()).isTrue();
            });

    vault.server.stubFor(
        post(urlEqualTo("/v1/auth/token/create"))
            .willReturn(VaultStandIn.errors(503, "Vault is sealed")));
    assertThatThrownBy(() -> provider.grant(WRITE))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.getType()).isEqualTo("Unavailable");
              assertThat(f.isNonRetryable()).isFalse();
            });
  }

  @Test
  void aTokenThatCannotBeStoredIsRevokedAtOnce() {
    vault.grantsTokens("/v1/auth/token/create").revokes();
    vault.server.stubFor(
        post(urlEqualTo(CREDENTIALS))
            .willReturn(VaultStandIn.errors(403, "1 error occurred:\n\t* permission denied\n\n")));

    assertThatThrownBy(() -> new VaultGrantProvider(vault.settings(null)).grant(WRITE))
        .isInstanceOf(ApplicationFailure.class)
        .hasMessageNotContaining(ISSUED_TOKEN);

    vault.server.verify(
        postRequestedFor(urlEqualTo("/v1/auth/token/revoke-accessor"))
            .withRequestBody(equalToJson("{\"accessor\":\"" + ACCESSOR + "\"}")));
  }

  @Test
  void revokeEndsTheTokenByItsAccessorAndDeletesTheRequestersCopy() {
    vault.revokes();

    new VaultGrantProvider(vault.settings(null)).revoke(WRITE, ACCESSOR);

    vault.server.verify(
        postRequestedFor(urlEqualTo("/v1/auth/token/revoke-accessor"))
            .withHeader("X-Vault-Token", equalTo(PAVED_TOKEN))
            .withRequestBody(equalToJson("{\"accessor\":\"" + ACCESSOR + "\"}")));
    vault.server.verify(
        deleteRequestedFor(urlEqualTo(CREDENTIALS_METADATA))
            .withHeader("X-Vault-Token", equalTo(PAVED_TOKEN)));
  }

  @Test
  void revokingATokenThatIsGoneSucceeds() {
    // Vault before 1.10 answers 400 "invalid accessor"; the copy may be gone too
    vault.server.stubFor(
        post(urlEqualTo("/v1/auth/token/revoke-accessor"))
            .willReturn(VaultStandIn.errors(400, "1 error occurred:\n\t* invalid accessor\n\n")));
    vault.server.stubFor(
        WireMock.delete(urlEqualTo(CREDENTIALS_METADATA)).willReturn(VaultStandIn.errors(404)));

    new VaultGrantProvider(vault.settings(null)).revoke(WRITE, ACCESSOR);
  }

  @Test
  void aFailedRevokeIsAlwaysRetried() {
    vault.server.stubFor(
        post(urlEqualTo("/v1/auth/token/revoke-accessor"))
            .willReturn(VaultStandIn.errors(403, "1 error occurred:\n\t* permission denied\n\n")));

    assertThatThrownBy(() -> new VaultGrantProvider(vault.settings(null)).revoke(WRITE, ACCESSOR))
        .isInstanceOfSatisfying(
            ApplicationFailure.class, f -> assertThat(f.isNonRetryable()).isFalse());
    vault.server.verify(0, deleteRequestedFor(urlEqualTo(CREDENTIALS_METADATA)));
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

    assertThatThrownBy(() -> new VaultGrantProvider(vault.settings(null)).grant(sneaky))
        .isInstanceOfSatisfying(
            ApplicationFailure.class, f -> assertThat(f.getType()).isEqualTo("InvalidInput"));
    assertThat(vault.server.getAllServeEvents()).isEmpty();
  }

  @Test
  void theSettingsNeverShowPavedsToken() {
    assertThat(vault.settings(null).toString()).doesNotContain(PAVED_TOKEN);
  }
}
