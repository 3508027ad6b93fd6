package dev.paved.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.api.browser.Browser;
import dev.paved.api.standins.FakeOidcIssuer;
import dev.paved.testfixtures.StandIn.Call;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Production sign-in: a person opens the portal, is sent to the OIDC issuer (a stand-in over real
 * HTTP), comes back with a code that Paved trades for an ID token, and is signed in with the groups
 * the token names; signing out ends the session.
 */
class PortalOidcSignInTest extends EndToEndTest {

  static final FakeOidcIssuer ISSUER = new FakeOidcIssuer("paved-portal", "portal-s3cret");

  @DynamicPropertySource
  static void oidc(DynamicPropertyRegistry registry) {
    registry.add("paved.oidc.issuer-uri", ISSUER::issuer);
    registry.add("paved.oidc.client-id", () -> "paved-portal");
    registry.add("paved.oidc.client-secret", () -> "portal-s3cret");
  }

  @AfterAll
  static void stopIssuer() {
    ISSUER.close();
  }

  private String base() {
    return "http://localhost:" + port;
  }

  @Test
  void aVisitorSignsInThroughTheIssuerWithTheTokensGroupsAndSignsOut() {
    ISSUER.signsIn("5b1e-alice", "alice", List.of("team-payments", "/oncall-eu"));
    try (Browser alice = Browser.open(base())) {
      alice.go("/runs");
      alice.awaitText(By.tagName("h1"), "Runs");
      assertThat(alice.path()).startsWith("/runs");
      alice.button("Sign out");
      assertThat(alice.body()).contains("alice");
      alice.screenshot("oidc-signed-in");

      // what Paved asked the issuer: the code flow, with its redirect and the client's secret
      Call authorize = ISSUER.calls("GET", "/realms/paved/auth").get(0);
      String redirect = base() + "/login/oauth2/code/paved";
      assertThat(authorize.queryParameter("response_type")).isEqualTo("code");
      assertThat(authorize.queryParameter("client_id")).isEqualTo("paved-portal");
      assertThat(authorize.queryParameter("redirect_uri")).isEqualTo(redirect);
      assertThat(authorize.queryParameter("scope")).contains("openid");
      assertThat(authorize.queryParameter("state")).isNotBlank();
      assertThat(authorize.queryParameter("nonce")).isNotBlank();
      Call token = ISSUER.calls("POST", "/realms/paved/token").get(0);
      assertThat(token.headers().get("Authorization"))
          .isEqualTo(
              "Basic "
                  + Base64.getEncoder()
                      .encodeToString(
                          "paved-portal:portal-s3cret".getBytes(StandardCharsets.UTF_8)));
      Map<String, String> form = FakeOidcIssuer.form(token.body());
      assertThat(form)
          .containsEntry("grant_type", "authorization_code")
          .containsEntry("code", "code-1")
          .containsEntry("redirect_uri", redirect)
          .doesNotContainKey("client_secret");
      assertThat(ISSUER.unhandled()).isEmpty();

      // the portal's user is the token's, with the token's groups (Keycloak's "/" dropped)
      assertThat(fetch(alice, "/api/v1/me"))
          .contains("\"name\":\"alice\"")
          .contains("\"groups\":[\"oncall-eu\",\"team-payments\"]")
          .contains("\"platform\":false");

      alice.button("Sign out").click();
      alice.awaitText("You have signed out");
      assertThat(alice.link("Sign in with " + ISSUER.issuer().replaceAll("^http://|:.*$", "")))
          .isNotNull();
      alice.screenshot("oidc-signed-out");
      assertThat(fetch(alice, "/api/v1/me")).startsWith("401");

      // the session has ended: the next page asks the issuer again
      alice.go("/approvals");
      alice.awaitText(By.tagName("h1"), "Approvals");
      assertThat(ISSUER.calls("POST", "/realms/paved/token")).hasSize(2);
    }
  }

  @Test
  void theApiStillTakesTheIssuersBearerTokensAndNoPassword() {
    assertThat(anonymous().get("/api/v1/me").status()).isEqualTo(401);
    assertThat(as("alice").get("/api/v1/me").status()).isEqualTo(401);
  }

  /** The page's own GET of {@code path}: its status, then its body. */
  private static String fetch(Browser browser, String path) {
    return (String)
        ((JavascriptExecutor) browser.driver())
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0], {headers: {Accept: 'application/json'}})"
                    + ".then(r => r.text().then(t => done(r.status === 200 ? t : r.status + ' ' + t)))"
                    + ".catch(e => done('failed ' + e));",
                path);
  }
}
