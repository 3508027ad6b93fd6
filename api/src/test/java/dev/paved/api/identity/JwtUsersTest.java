package dev.paved.api.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/** Who a bearer token names, and their groups. */
class JwtUsersTest {

  private static Jwt.Builder token() {
    return Jwt.withTokenValue("t")
        .header("alg", "RS256")
        .subject("2f6c-uuid")
        .issuedAt(Instant.parse("2026-11-28T10:00:00Z"))
        .expiresAt(Instant.parse("2026-11-28T11:00:00Z"));
  }

  @Test
  void theUserIsPreferredUsernameElseSubjectAndGroupsComeFromTheClaim() {
    AbstractAuthenticationToken alice =
        new JwtUsers("groups")
            .convert(
                token()
                    .claim("preferred_username", "alice")
                    .claim("groups", List.of("/team-payments", "sre"))
                    .build());
    AbstractAuthenticationToken anonymousSubject =
        new JwtUsers("roles").convert(token().claim("roles", "platform auditor").build());

    assertThat(alice.getName()).isEqualTo("alice");
    assertThat(alice.getAuthorities())
        .extracting(Object::toString)
        .containsExactly("GROUP_team-payments", "GROUP_sre");
    assertThat(anonymousSubject.getName()).isEqualTo("2f6c-uuid");
    assertThat(anonymousSubject.getAuthorities())
        .extracting(Object::toString)
        .containsExactly("GROUP_platform", "GROUP_auditor");
  }

  @Test
  void aTokenWithoutTheClaimHasNoGroups() {
    assertThat(new JwtUsers("groups").convert(token().build()).getAuthorities()).isEmpty();
  }
}
