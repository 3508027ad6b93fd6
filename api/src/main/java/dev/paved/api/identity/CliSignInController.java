package dev.paved.api.identity;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * How the {@code paved} command line signs in: with a password (users file), or through the OIDC
 * issuer's device authorization flow (RFC 8628) with the command line's own public client ({@code
 * PAVED_OIDC_CLI_CLIENT_ID}; the portal's client has a secret a command line cannot keep). Open to
 * everyone, outside /api/v1: nobody is signed in yet, and it names nothing secret.
 */
@RestController
class CliSignInController {

  static final String SCOPE = "openid profile email offline_access";

  private final IdentityProperties identity;
  private final String cliClientId;

  CliSignInController(
      IdentityProperties identity, @Value("${paved.oidc.cli-client-id:}") String cliClientId) {
    this.identity = identity;
    this.cliClientId = cliClientId;
  }

  @GetMapping(path = "/sign-in/cli", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> signIn() {
    Map<String, Object> answer = new LinkedHashMap<>();
    if (!identity.oidc().enabled()) {
      answer.put("method", "password");
      return answer;
    }
    answer.put("method", "oidc");
    answer.put("issuer", identity.oidc().issuerUri());
    answer.put("clientId", cliClientId.isBlank() ? null : cliClientId);
    answer.put("scope", SCOPE);
    return answer;
  }
}
