package dev.paved.api.identity;

import java.util.function.Supplier;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.util.function.SingletonSupplier;

/**
 * The portal's one client at the OIDC issuer. Its discovery document is read on the first sign-in,
 * not at start (as the bearer tokens' keys are), so Paved starts while the issuer is away; a failed
 * read is tried again on the next sign-in.
 */
final class IssuerSignIn implements ClientRegistrationRepository {

  /** The registration's id: the portal signs in at /oauth2/authorization/paved. */
  static final String ID = "paved";

  static final String SIGN_IN_PATH = "/oauth2/authorization/" + ID;

  private final Supplier<ClientRegistration> registration;

  IssuerSignIn(IdentityProperties.Oidc oidc) {
    this.registration =
        SingletonSupplier.of(
            () ->
                ClientRegistrations.fromOidcIssuerLocation(oidc.issuerUri())
                    .registrationId(ID)
                    .clientId(oidc.clientId())
                    .clientSecret(oidc.clientSecret())
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                    .scope("openid", "profile", "email")
                    .build());
  }

  @Override
  public ClientRegistration findByRegistrationId(String registrationId) {
    return ID.equals(registrationId) ? registration.get() : null;
  }
}
