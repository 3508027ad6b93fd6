package dev.paved.activities.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paved.testfixtures.SettableClock;
import dev.paved.testfixtures.github.FakeGithub;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GitHub App authentication: the app's JWT, the installation token, and reading the key. */
class AppInstallationTest {

  static KeyPair app;

  final FakeGithub github = new FakeGithub();

  @BeforeAll
  static void makeKey() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    app = generator.generateKeyPair();
  }

  @AfterEach
  void tearDown() {
    github.close();
  }

  static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  /** PKCS#1 as GitHub hands it out: the RSA key inside Java's PKCS#8 encoding. */
  static byte[] pkcs1() {
    byte[] pkcs8 = app.getPrivate().getEncoded();
    // SEQUENCE(4-byte header) INTEGER 0 (3) AlgorithmIdentifier (15) OCTET STRING(4-byte header)
    return Arrays.copyOfRange(pkcs8, 4 + 3 + 15 + 4, pkcs8.length);
  }

  @Test
  void readsGithubsPkcs1KeyAndPkcs8KeysAsTextOrFile(@TempDir Path dir) throws Exception {
    assertThat(AppKeys.pkcs1ToPkcs8(pkcs1())).isEqualTo(app.getPrivate().getEncoded());
    assertThat(AppKeys.read(pem("RSA PRIVATE KEY", pkcs1()))).isEqualTo(app.getPrivate());
    String pkcs8 = pem("PRIVATE KEY", app.getPrivate().getEncoded());
    assertThat(AppKeys.read(pkcs8.replace("\n", "\\n"))).isEqualTo(app.getPrivate());
    Path file = Files.writeString(dir.resolve("paved.pem"), pkcs8);
    assertThat(AppKeys.read(file.toString())).isEqualTo(app.getPrivate());
  }

  @Test
  void refusesWhatIsNoPrivateKeyWithoutRepeatingIt() {
    String notAKey = "-----BEGIN CERTIFICATE-----\nc2VjcmV0\n-----END CERTIFICATE-----";
    assertThatThrownBy(() -> AppKeys.read(notAKey))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the GitHub App private key is not an RSA private key in PEM form");
  }

  @Test
  void signsAJwtGithubAcceptsAndRenewsItBeforeItExpires() throws Exception {
    Instant now = Instant.parse("2026-11-28T10:15:30Z");
    SettableClock clock = new SettableClock(now);
    AppJwt jwt = new AppJwt("12345", app.getPrivate(), clock);

    String first = jwt.getEncodedAuthorization();

    assertThat(first).startsWith("Bearer ");
    String[] parts = first.substring(7).split("\\.");
    assertThat(decode(parts[0])).isEqualTo("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
    JsonNode claims = new ObjectMapper().readTree(decode(parts[1]));
    assertThat(claims.get("iss").asLong()).isEqualTo(12345);
    assertThat(claims.get("iat").asLong()).isEqualTo(now.getEpochSecond() - 60);
    assertThat(claims.get("exp").asLong()).isEqualTo(now.getEpochSecond() + 9 * 60);
    Signature rs256 = Signature.getInstance("SHA256withRSA");
    rs256.initVerify(app.getPublic());
    rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertThat(rs256.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();

    clock.set(now.plus(7, ChronoUnit.MINUTES));
    assertThat(jwt.getEncodedAuthorization()).isEqualTo(first);
    clock.set(now.plus(8, ChronoUnit.MINUTES));
    assertThat(jwt.getEncodedAuthorization()).isNotEqualTo(first);
  }

  static String decode(String part) {
    return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
  }

  @Test
  void exchangesTheJwtForAnInstallationTokenOnceAndUsesItUntilNearExpiry() throws Exception {
    github.app(12345, "acme", app.getPublic());
    github.installation(12345, 42, "acme");
    github.rateLimitRemaining(4998);
    GithubConnection connection =
        GithubConnection.asAppInstallation(
            github.apiUrl(), "12345", app.getPrivate(), 42, Clock.systemUTC());

    assertThat(connection.check())
        .isEqualTo(new GithubConnection.Check(github.apiUrl(), "app 12345, installation 42", 4998));
    connection.check();

    assertThat(github.lines())
        .containsExactly(
            "GET /api/v3/app",
            "GET /api/v3/app/installations/42",
            "POST /api/v3/app/installations/42/access_tokens",
            "GET /api/v3/rate_limit",
            "GET /api/v3/rate_limit");
    List<String> authorizations =
        github.calls().stream().map(call -> call.header("Authorization")).toList();
    assertThat(authorizations.subList(0, 3)).allMatch(a -> a.startsWith("Bearer ey"));
    assertThat(github.installationTokens()).hasSize(1);
    assertThat(authorizations.subList(3, 5))
        .containsOnly("token " + github.installationTokens().get(0));
  }

  @Test
  void theWebAddressFollowsTheApiAddress() {
    assertThat(GithubConnection.webUrlOf("https://api.github.com")).isEqualTo("https://github.com");
    assertThat(GithubConnection.webUrlOf("https://ghe.example.com/api/v3"))
        .isEqualTo("https://ghe.example.com");
    assertThat(GithubConnection.webUrlOf("http://localhost:8089"))
        .isEqualTo("http://localhost:8089");
  }
}
