package dev.paved.activities.access;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/**
 * A Vault API stand-in answering as Vault documents: token create, revoke by accessor, KV v2 read,
 * write and metadata delete, and Vault's error bodies.
 */
final class VaultStandIn implements AutoCloseable {

  static final String PAVED_TOKEN = "hvs.paved-own-token";
  static final String ISSUED_TOKEN = "hvs.CAESIissued-to-alice-0123456789";
  static final String ACCESSOR = "Hq9vK2xZyAccessor01";
  static final String CREDENTIALS = "/v1/secret/data/paved/access/alice/a-0123456789abcdef";
  static final String CREDENTIALS_METADATA =
      "/v1/secret/metadata/paved/access/alice/a-0123456789abcdef";

  final WireMockServer server = new WireMockServer(options().dynamicPort());

  VaultStandIn() {
    server.start();
  }

  String address() {
    return "http://127.0.0.1:" + server.port();
  }

  VaultGrantSettings settings(String tokenRole) {
    return new VaultGrantSettings(
        address(),
        PAVED_TOKEN,
        tokenRole,
        "access-{environment}-{service}-{role}",
        "secret",
        "paved/access");
  }

  /** A Vault without the requester's token yet, which creates one and stores its copy. */
  VaultStandIn grantsTokens(String createPath) {
    server.stubFor(get(urlEqualTo(CREDENTIALS)).willReturn(errors(404)));
    server.stubFor(
        post(urlEqualTo(createPath))
            .willReturn(
                json(
                    200,
                    """
                    {"request_id":"8f1b","lease_id":"","renewable":false,"lease_duration":0,
                     "data":null,"wrap_info":null,"warnings":null,
                     "auth":{"client_token":"%s","accessor":"%s",
                       "policies":["access-production-checkout-write","default"],
                       "token_policies":["access-production-checkout-write","default"],
                       "metadata":{"paved_request":"a-0123456789abcdef","user":"alice"},
                       "lease_duration":3600,"renewable":false,"entity_id":"",
                       "token_type":"service","orphan":false}}
                    """
                        .formatted(ISSUED_TOKEN, ACCESSOR))));
    server.stubFor(
        post(urlEqualTo(CREDENTIALS))
            .willReturn(
                json(
                    200,
                    """
                    {"data":{"created_time":"2026-11-28T10:00:00Z","deletion_time":"",
                     "destroyed":false,"version":1}}
                    """)));
    return this;
  }

  static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }

  static ResponseDefinitionBuilder errors(int status, String... errors) {
    return json(status, "{\"errors\":[" + String.join(",", quoted(errors)) + "]}");
  }

  static ResponseDefinitionBuilder noContent() {
    return aResponse().withStatus(204);
  }

  VaultStandIn revokes() {
    server.stubFor(post(urlEqualTo("/v1/auth/token/revoke-accessor")).willReturn(noContent()));
    server.stubFor(delete(urlEqualTo(CREDENTIALS_METADATA)).willReturn(noContent()));
    return this;
  }

  private static String[] quoted(String[] errors) {
    String[] quoted = new String[errors.length];
    for (int i = 0; i < errors.length; i++) {
      quoted[i] = "\"" + errors[i].replace("\n", "\\n").replace("\t", "\\t") + "\"";
    }
    return quoted;
  }

  @Override
  public void close() {
    server.stop();
  }
}
