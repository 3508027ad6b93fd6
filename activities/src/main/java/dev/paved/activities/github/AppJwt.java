package dev.paved.activities.github;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.kohsuke.github.authorization.AuthorizationProvider;

/**
 * The JSON Web Token a GitHub App authenticates with (RS256, signed with the app's private key),
 * made here with the JDK alone. GitHub takes at most ten minutes of validity; a token is made for
 * nine and replaced a minute before it runs out. Only the installation-token exchange uses it.
 */
final class AppJwt implements AuthorizationProvider {

  /** GitHub's clock may run behind Paved's: the token says it was issued a minute ago. */
  static final Duration BACKDATE = Duration.ofSeconds(60);

  static final Duration VALIDITY = Duration.ofMinutes(9);
  static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(1);

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final String appId;
  private final PrivateKey key;
  private final Clock clock;
  private String token;
  private Instant renewAt = Instant.MIN;

  AppJwt(String appId, PrivateKey key, Clock clock) {
    if (appId == null || appId.isBlank()) {
      throw new IllegalArgumentException("the GitHub App id is empty");
    }
    this.appId = appId.strip();
    this.key = key;
    this.clock = clock;
  }

  @Override
  public synchronized String getEncodedAuthorization() throws IOException {
    Instant now = clock.instant();
    if (token == null || !now.isBefore(renewAt)) {
      Instant expires = now.plus(VALIDITY);
      token = sign(now.minus(BACKDATE), expires);
      renewAt = expires.minus(RENEW_BEFORE_EXPIRY);
    }
    return "Bearer " + token;
  }

  /** {@code header.payload.signature}, each part base64url without padding. */
  String sign(Instant issuedAt, Instant expiresAt) throws IOException {
    // iss: the numeric app id, or the app's client id (a string) which GitHub also accepts
    String issuer = appId.chars().allMatch(Character::isDigit) ? appId : '"' + appId + '"';
    String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
    String payload =
        "{\"iat\":%d,\"exp\":%d,\"iss\":%s}"
            .formatted(issuedAt.getEpochSecond(), expiresAt.getEpochSecond(), issuer);
    String signed = encode(header) + "." + encode(payload);
    try {
      Signature rs256 = Signature.getInstance("SHA256withRSA");
      rs256.initSign(key);
      rs256.update(signed.getBytes(StandardCharsets.US_ASCII));
      return signed + "." + BASE64URL.encodeToString(rs256.sign());
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot sign the GitHub App token with the configured key", e);
    }
  }

  private static String encode(String json) {
    return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
