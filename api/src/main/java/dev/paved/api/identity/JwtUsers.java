package dev.paved.api.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * A bearer token's user: {@code preferred_username}, or {@code sub} when the issuer sends none;
 * their groups from the configured claim (a list, or one string of names separated by spaces or
 * commas; Keycloak's leading {@code /} of group paths is dropped).
 */
final class JwtUsers implements Converter<Jwt, AbstractAuthenticationToken> {

  private final String groupsClaim;

  JwtUsers(String groupsClaim) {
    this.groupsClaim = groupsClaim;
  }

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    String name = userName(jwt.getClaimAsString("preferred_username"), jwt.getSubject());
    return new JwtAuthenticationToken(jwt, groupAuthorities(jwt.getClaim(groupsClaim)), name);
  }

  /** {@code preferred_username}, or {@code sub} when the issuer sends none. */
  static String userName(String preferredUsername, String subject) {
    return preferredUsername == null || preferredUsername.isBlank() ? subject : preferredUsername;
  }

  /** The groups of a groups claim, as authorities; the portal's sign-in reads them the same way. */
  static List<GrantedAuthority> groupAuthorities(Object claim) {
    List<GrantedAuthority> authorities = new ArrayList<>();
    for (String group : groups(claim)) {
      String trimmed = group.startsWith("/") ? group.substring(1) : group;
      if (!trimmed.isBlank()) {
        authorities.add(new SimpleGrantedAuthority(CurrentUsers.GROUP + trimmed));
      }
    }
    return authorities;
  }

  private static List<String> groups(Object claim) {
    if (claim instanceof Collection<?> values) {
      return values.stream().map(String::valueOf).toList();
    }
    if (claim instanceof String value) {
      return List.of(value.trim().split("[\\s,]+"));
    }
    return List.of();
  }
}
