package dev.paved.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code paved login} through the OIDC device authorization grant (RFC 8628), and the token's
 * renewal, against a stand-in that answers as Paved and as the issuer do, recording every request.
 */
class DeviceLoginTest {

  static final String ME =
      "{\"name\": \"dana\", \"groups\": [\"team-payments\"], \"platform\": false}";

  final MockWebServer server = new MockWebServer();
  final List<Duration> pauses = new ArrayList<>();
  @TempDir Path config;
  String url;
  String issuer;

  @BeforeEach
  void start() throws Exception {
    server.start();
    url = server.url("/").toString().replaceAll("/$", "");
    issuer = url + "/realms/platform";
  }

  @AfterEach
  void stop() {
    server.close();
  }

  record Result(int exit, String out, String err) {}

  Result paved(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Session session =
        new Session(
            env,
            config,
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            new BufferedReader(new StringReader("")),
            false,
            null,
            pauses::add);
    int exit = PavedCli.commandLine(session).execute(args);
    return new Result(exit, out.toString(), err.toString());
  }

  void answer(int code, String json) {
    server.enqueue(
        new MockResponse.Builder()
            .code(code)
            .addHeader("Content-Type", "application/json")
            .body(json)
            .build());
  }

  RecordedRequest taken() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request).as("a request was sent").isNotNull();
    return request;
  }

  static String body(RecordedRequest request) {
    return request.getBody() == null ? "" : request.getBody().string(StandardCharsets.UTF_8);
  }

  /** Paved names its issuer, the issuer its endpoints, and hands out a user code. */
  void issuerUpToTheCode() {
    answer(
        200,
        "{\"method\": \"oidc\", \"issuer\": \""
            + issuer
            + "\", \"clientId\": \"paved-cli\", \"scope\": \"openid offline_access\"}");
    answer(
        200,
        "{\"issuer\": \""
            + issuer
            + "\", \"device_authorization_endpoint\": \""
            + issuer
            + "/device\", \"token_endpoint\": \""
            + issuer
            + "/token\"}");
    answer(
        200,
        "{\"device_code\": \"dc-secret-1\", \"user_code\": \"WDJB-MJHT\","
            + " \"verification_uri\": \"https://id.example/device\","
            + " \"verification_uri_complete\": \"https://id.example/device?user_code=WDJB-MJHT\","
            + " \"expires_in\": 600, \"interval\": 5}");
  }

  @Test
  void signsInWithAUserCodePollingAtTheIssuersPaceAndStoresTheTokenForTheUserOnly()
      throws Exception {
    issuerUpToTheCode();
    answer(400, "{\"error\": \"authorization_pending\"}");
    answer(400, "{\"error\": \"slow_down\"}");
    answer(400, "{\"error\": \"authorization_pending\"}");
    answer(
        200,
        "{\"access_token\": \"at-secret-1\", \"refresh_token\": \"rt-secret-1\","
            + " \"token_type\": \"Bearer\", \"expires_in\": 300}");
    answer(200, ME);

    Result login = paved(Map.of(), "login", url);

    assertThat(login.exit()).as(login.err()).isZero();
    assertThat(login.out())
        .contains("open https://id.example/device and enter the code WDJB-MJHT")
        .contains("Signed in to " + url + " as dana (team-payments)")
        .doesNotContain("at-secret-1")
        .doesNotContain("rt-secret-1")
        .doesNotContain("dc-secret-1");
    // RFC 8628 3.5: the interval the issuer set, five seconds more for good after slow_down
    assertThat(pauses)
        .containsExactly(
            Duration.ofSeconds(5),
            Duration.ofSeconds(5),
            Duration.ofSeconds(10),
            Duration.ofSeconds(10));

    assertThat(taken().getTarget()).isEqualTo("/sign-in/cli");
    assertThat(taken().getTarget()).isEqualTo("/realms/platform/.well-known/openid-configuration");
    RecordedRequest device = taken();
    assertThat(device.getMethod()).isEqualTo("POST");
    assertThat(device.getTarget()).isEqualTo("/realms/platform/device");
    assertThat(device.getHeaders().get("Content-Type"))
        .isEqualTo("application/x-www-form-urlencoded");
    assertThat(body(device)).isEqualTo("client_id=paved-cli&scope=openid%20offline_access");
    for (int i = 0; i < 4; i++) {
      RecordedRequest poll = taken();
      assertThat(poll.getTarget()).isEqualTo("/realms/platform/token");
      assertThat(body(poll))
          .isEqualTo(
              "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code"
                  + "&device_code=dc-secret-1&client_id=paved-cli");
    }
    RecordedRequest me = taken();
    assertThat(me.getTarget()).isEqualTo("/api/v1/me");
    assertThat(me.getHeaders().get("Authorization")).isEqualTo("Bearer at-secret-1");

    Path file = config.resolve("credentials");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    JsonNode stored = ApiClient.JSON.readTree(file.toFile());
    assertThat(stored.path("token").asText()).isEqualTo("at-secret-1");
    assertThat(stored.path("issuer").path("refreshToken").asText()).isEqualTo("rt-secret-1");
    assertThat(stored.path("issuer").path("tokenEndpoint").asText()).isEqualTo(issuer + "/token");
  }

  @Test
  void aRefusalOrAnExpiredCodeSignsNobodyIn() {
    issuerUpToTheCode();
    answer(400, "{\"error\": \"access_denied\"}");
    Result denied = paved(Map.of(), "login", url);
    assertThat(denied.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(denied.err()).contains("refused at the issuer");

    issuerUpToTheCode();
    answer(400, "{\"error\": \"authorization_pending\"}");
    answer(400, "{\"error\": \"expired_token\"}");
    Result expired = paved(Map.of(), "login", url);
    assertThat(expired.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(expired.err()).contains("expired").contains("paved login");
    assertThat(config.resolve("credentials")).doesNotExist();
  }

  @Test
  void aPavedWithoutAClientForTheCommandLineSaysHowToSignInInstead() {
    answer(200, "{\"method\": \"oidc\", \"issuer\": \"" + issuer + "\", \"clientId\": null}");
    Result login = paved(Map.of(), "login", url);
    assertThat(login.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(login.err()).contains("PAVED_OIDC_CLI_CLIENT_ID").contains("--token");
  }

  void storeExpiringToken() throws Exception {
    new Credentials(
            url,
            null,
            null,
            "at-old",
            new Credentials.Issuer(
                issuer + "/token", "paved-cli", "rt-old", Instant.now().minusSeconds(10)))
        .write(config);
  }

  @Test
  void anExpiredTokenIsRenewedWithItsRefreshTokenAndKept() throws Exception {
    storeExpiringToken();
    answer(200, "{\"access_token\": \"at-new\", \"expires_in\": 300}");
    answer(200, ME);

    Result whoami = paved(Map.of(), "whoami");

    assertThat(whoami.exit()).as(whoami.err()).isZero();
    RecordedRequest refresh = taken();
    assertThat(refresh.getTarget()).isEqualTo("/realms/platform/token");
    assertThat(body(refresh))
        .isEqualTo("grant_type=refresh_token&refresh_token=rt-old&client_id=paved-cli");
    assertThat(taken().getHeaders().get("Authorization")).isEqualTo("Bearer at-new");
    JsonNode stored = ApiClient.JSON.readTree(config.resolve("credentials").toFile());
    assertThat(stored.path("token").asText()).isEqualTo("at-new");
    // the issuer kept its refresh token (RFC 6749 6): the old one stays
    assertThat(stored.path("issuer").path("refreshToken").asText()).isEqualTo("rt-old");
  }

  @Test
  void aTokenPavedRefusesIsRenewedOnceThenTheUserIsAskedToSignInAgain() throws Exception {
    new Credentials(
            url,
            null,
            null,
            "at-revoked",
            new Credentials.Issuer(issuer + "/token", "paved-cli", "rt-old", null))
        .write(config);
    answer(401, "{\"title\": \"Unauthorized\"}");
    answer(400, "{\"error\": \"invalid_grant\"}");

    Result whoami = paved(Map.of(), "whoami");

    assertThat(whoami.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(whoami.err()).contains("has expired: run 'paved login' again");
    assertThat(taken().getHeaders().get("Authorization")).isEqualTo("Bearer at-revoked");
    assertThat(body(taken())).startsWith("grant_type=refresh_token");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void pavedTokenOverridesTheStoredSignInAndIsNeverRenewed() throws Exception {
    storeExpiringToken();
    answer(200, ME);

    Result whoami = paved(Map.of("PAVED_TOKEN", "ci-token"), "whoami");

    assertThat(whoami.exit()).as(whoami.err()).isZero();
    assertThat(taken().getHeaders().get("Authorization")).isEqualTo("Bearer ci-token");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }
}
