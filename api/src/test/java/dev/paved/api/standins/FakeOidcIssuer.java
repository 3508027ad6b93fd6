package dev.paved.api.standins;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.paved.testfixtures.StandIn;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import okhttp3.HttpUrl;

/**
 * A stand-in OIDC issuer for the authorization code flow: discovery, keys, an authorize endpoint
 * that signs in the chosen person at once (no page) and sends the browser back with a code, and a
 * token endpoint that trades that code, from the right client, for an ID token signed with a test
 * RSA key. It records every request, so a test asserts what Paved sent.
 */
public final class FakeOidcIssuer extends StandIn {

  private final RSAKey key;
  private final String clientId;
  private final String clientSecret;
  private final Map<String, String> nonces = new HashMap<>();
  private Map<String, Object> person = Map.of();
  private int nextCode = 1;

  public FakeOidcIssuer(String clientId, String clientSecret) {
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    try {
      this.key = new RSAKeyGenerator(2048).keyID("paved-portal-test").generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The issuer, as {@code PAVED_OIDC_ISSUER_URI}. */
  public String issuer() {
    return baseUrl() + "/realms/paved";
  }

  /** Whom the next sign-in signs in: the ID token's claims beside iss, aud, exp and nonce. */
  public synchronized void signsIn(String subject, String username, List<String> groups) {
    person = Map.of("sub", subject, "preferred_username", username, "groups", groups);
  }

  @Override
  protected synchronized MockResponse answer(Call call) {
    String path = call.path().substring("/realms/paved".length());
    return switch (call.method() + " " + path) {
      case "GET /.well-known/openid-configuration" -> json(200, discovery());
      case "GET /certs" -> json(200, new JWKSet(key.toPublicJWK()).toString());
      case "GET /auth" -> authorize(call);
      case "POST /token" -> token(call);
      default -> unhandled(call, "{\"error\":\"not_found\"}");
    };
  }

  private String discovery() {
    String issuer = issuer();
    return """
        {"issuer":"%1$s","authorization_endpoint":"%1$s/auth","token_endpoint":"%1$s/token",
         "jwks_uri":"%1$s/certs","response_types_supported":["code"],
         "subject_types_supported":["public"],"id_token_signing_alg_values_supported":["RS256"],
         "token_endpoint_auth_methods_supported":["client_secret_basic"],
         "scopes_supported":["openid","profile","email"]}
        """
        .formatted(issuer);
  }

  private MockResponse authorize(Call call) {
    String code = "code-" + nextCode++;
    nonces.put(code, call.queryParameter("nonce"));
    HttpUrl back =
        HttpUrl.get(call.queryParameter("redirect_uri"))
            .newBuilder()
            .addQueryParameter("code", code)
            .addQueryParameter("state", call.queryParameter("state"))
            .build();
    return new MockResponse.Builder().code(302).setHeader("Location", back.toString()).build();
  }

  private MockResponse token(Call call) {
    Map<String, String> form = form(call.body());
    String basic =
        "Basic "
            + java.util.Base64.getEncoder()
                .encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
    if (!basic.equals(call.headers().get("Authorization"))) {
      return json(401, "{\"error\":\"invalid_client\"}");
    }
    String code = form.get("code");
    if (!"authorization_code".equals(form.get("grant_type")) || !nonces.containsKey(code)) {
      return json(400, "{\"error\":\"invalid_grant\"}");
    }
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer())
            .audience(clientId)
            .issueTime(new Date())
            .expirationTime(Date.from(Instant.now().plusSeconds(300)))
            .claim("nonce", nonces.remove(code));
    person.forEach(claims::claim);
    try {
      SignedJWT idToken =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
              claims.build());
      idToken.sign(new RSASSASigner(key));
      return json(
          200,
          """
          {"access_token":"access-%s","token_type":"Bearer","expires_in":300,
           "scope":"openid profile email","id_token":"%s"}
          """
              .formatted(code, idToken.serialize()));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An {@code application/x-www-form-urlencoded} body. */
  public static Map<String, String> form(String body) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        values.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return values;
  }
}
