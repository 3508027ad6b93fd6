package dev.paved.api.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the command line hears about signing in: nothing secret, and enough for the device flow. */
class CliSignInControllerTest {

  static IdentityProperties identity(String issuer) {
    return new IdentityProperties(
        null,
        new IdentityProperties.Oidc(issuer, "groups", "portal", "portal-secret"),
        "platform",
        "auditor");
  }

  @Test
  void withoutAnIssuerTheCommandLineTakesAPassword() {
    assertThat(new CliSignInController(identity(null), "").signIn())
        .containsExactly(Map.entry("method", "password"));
  }

  @Test
  void withAnIssuerItNamesTheIssuerAndTheCommandLinesOwnClientNeverThePortalsSecret() {
    var answer =
        new CliSignInController(identity("https://id.example/realms/platform"), "paved-cli")
            .signIn();
    assertThat(answer)
        .containsEntry("method", "oidc")
        .containsEntry("issuer", "https://id.example/realms/platform")
        .containsEntry("clientId", "paved-cli")
        .containsEntry("scope", "openid profile email offline_access");
    assertThat(answer.toString()).doesNotContain("portal-secret");
    assertThat(
            new CliSignInController(identity("https://id.example/realms/platform"), "")
                .signIn()
                .get("clientId"))
        .isNull();
  }
}
