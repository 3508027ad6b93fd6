package dev.paved.api.approvals;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.paved.api.TestFolders;
import dev.paved.api.identity.CurrentUser;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * OIDC sign-in against an issuer stand-in (its discovery document and keys): a signed token names
 * the user and their groups; anything else is a 401 with a Bearer challenge.
 */
@WebMvcTest(ApprovalsController.class)
class BearerSignInTest {

  static final WireMockServer ISSUER = new WireMockServer(options().dynamicPort());
  static final RSAKey KEY;
  static final RSAKey OTHER_KEY;

  static {
    try {
      KEY = new RSAKeyGenerator(2048).keyID("paved-test").generate();
      OTHER_KEY = new RSAKeyGenerator(2048).keyID("paved-test").generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    ISSUER.start();
    String issuer = issuer();
    ISSUER.stubFor(
        get(urlEqualTo("/realms/paved/.well-known/openid-configuration"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        """
                        {"issuer":"%s","jwks_uri":"%s/protocol/openid-connect/certs",
                         "authorization_endpoint":"%s/protocol/openid-connect/auth",
                         "token_endpoint":"%s/protocol/openid-connect/token",
                         "subject_types_supported":["public"],
                         "id_token_signing_alg_values_supported":["RS256"]}
                        """
                            .formatted(issuer, issuer, issuer, issuer))));
    ISSUER.stubFor(
        get(urlEqualTo("/realms/paved/protocol/openid-connect/certs"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(new JWKSet(KEY.toPublicJWK()).toString())));
  }

  @Autowired MockMvc mvc;
  @MockitoBean PendingApprovals approvals;

  static String issuer() {
    return "http://127.0.0.1:" + ISSUER.port() + "/realms/paved";
  }

  @DynamicPropertySource
  static void oidc(DynamicPropertyRegistry registry) {
    // its own data folder: the slice still builds the workers' local providers
    Path data = TestFolders.newDataDir("paved-bearer-sign-in");
    registry.add("paved.data-dir", data::toString);
    registry.add("paved.oidc.issuer-uri", BearerSignInTest::issuer);
    registry.add("paved.oidc.groups-claim", () -> "groups");
  }

  @AfterAll
  static void stopIssuer() {
    ISSUER.stop();
  }

  private static String token(RSAKey key, String issuer, Instant expires) throws JOSEException {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
            new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject("5b1e-alice")
                .claim("preferred_username", "alice")
                .claim("groups", List.of("team-payments", "sre"))
                .issueTime(new Date())
                .expirationTime(Date.from(expires))
                .build());
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  @Test
  void aTokenOfTheIssuerSignsTheUserInWithTheirGroups() throws Exception {
    when(approvals.waitingFor(any())).thenReturn(List.of());

    mvc.perform(
            MockMvcRequestBuilders.get("/api/v1/approvals")
                .with(anonymous())
                .header(
                    "Authorization",
                    "Bearer " + token(KEY, issuer(), Instant.now().plusSeconds(300))))
        .andExpect(status().isOk());

    ArgumentCaptor<CurrentUser> user = ArgumentCaptor.forClass(CurrentUser.class);
    verify(approvals).waitingFor(user.capture());
    assertThat(user.getValue().name()).isEqualTo("alice");
    assertThat(user.getValue().groups()).containsExactlyInAnyOrder("team-payments", "sre");
    assertThat(user.getValue().platform()).isFalse();
  }

  @Test
  void aForgedExpiredOrForeignTokenIs401WithABearerChallenge() throws Exception {
    for (String bad :
        List.of(
            token(OTHER_KEY, issuer(), Instant.now().plusSeconds(300)),
            token(KEY, issuer(), Instant.now().minusSeconds(300)),
            token(KEY, "http://elsewhere.example/realms/x", Instant.now().plusSeconds(300)))) {
      mvc.perform(
              MockMvcRequestBuilders.get("/api/v1/approvals")
                  .with(anonymous())
                  .header("Authorization", "Bearer " + bad))
          .andExpect(status().isUnauthorized())
          .andExpect(header().string("WWW-Authenticate", Matchers.startsWith("Bearer")))
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(content().string(Matchers.not(Matchers.containsString(bad))));
    }
    mvc.perform(MockMvcRequestBuilders.get("/api/v1/approvals").with(anonymous()))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("WWW-Authenticate", Matchers.startsWith("Bearer")));
    verifyNoInteractions(approvals);
  }
}
