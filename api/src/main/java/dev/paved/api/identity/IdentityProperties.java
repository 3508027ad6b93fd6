package dev.paved.api.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may call Paved, and which groups mean what.
 *
 * @param usersFile a YAML users file for HTTP basic ({@code PAVED_USERS_FILE}); in local mode the
 *     sample users are the default
 * @param oidc an OIDC issuer whose bearer tokens Paved accepts instead
 * @param platformGroup the platform team: may start any run, revoke any access, read the audit
 * @param auditorGroup may read the audit trail
 */
@ConfigurationProperties("paved")
public record IdentityProperties(
    String usersFile,
    @DefaultValue Oidc oidc,
    @DefaultValue("platform") String platformGroup,
    @DefaultValue("auditor") String auditorGroup) {

  /**
   * @param issuerUri the issuer ({@code PAVED_OIDC_ISSUER_URI}); its discovery document names the
   *     keys tokens are checked against
   * @param groupsClaim the claim holding the user's groups ({@code PAVED_OIDC_GROUPS_CLAIM})
   * @param clientId the portal's client at the issuer ({@code PAVED_OIDC_CLIENT_ID}); without it
   *     the portal has no sign-in and only bearer tokens work
   * @param clientSecret that client's secret ({@code PAVED_OIDC_CLIENT_SECRET})
   */
  public record Oidc(
      String issuerUri,
      @DefaultValue("groups") String groupsClaim,
      String clientId,
      String clientSecret) {

    public boolean enabled() {
      return issuerUri != null && !issuerUri.isBlank();
    }

    /** The portal signs people in through the issuer (authorization code flow). */
    public boolean portalSignIn() {
      return enabled() && clientId != null && !clientId.isBlank();
    }
  }
}
