package dev.paved.api.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A person signed in to the portal through the issuer: named and grouped exactly as a bearer token
 * of the same issuer ({@link JwtUsers}), so the portal and the API see the same user.
 */
final class OidcUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {

  private final OidcUserService issuer = new OidcUserService();
  private final String groupsClaim;

  OidcUsers(String groupsClaim) {
    this.groupsClaim = groupsClaim;
  }

  @Override
  public OidcUser loadUser(OidcUserRequest request) {
    OidcUser user = issuer.loadUser(request);
    Map<String, Object> claims = user.getClaims(); // the ID token's, and userinfo's if fetched
    List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
    authorities.addAll(JwtUsers.groupAuthorities(claims.get(groupsClaim)));
    String preferred = user.getPreferredUsername();
    String nameClaim = preferred == null || preferred.isBlank() ? "sub" : "preferred_username";
    return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), nameClaim);
  }
}
