package dev.paved.api.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The users file: the sample's users, and what Paved refuses outside local mode. */
class UsersFileTest {

  private static final PasswordEncoder PASSWORDS =
      PasswordEncoderFactories.createDelegatingPasswordEncoder();

  private static UsersFile file(String yaml) {
    return UsersFile.load(
        new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8), "test users file"));
  }

  @Test
  void theSampleHasTheTeamsAndEachPasswordIsTheUsersName() {
    UsersFile sample = UsersFile.load(new ClassPathResource(SecurityConfiguration.SAMPLE_USERS));
    var users = sample.userDetails();

    assertThat(sample.users())
        .extracting(UsersFile.Entry::name)
        .contains("alice", "bob", "carol", "sam", "pat");
    for (String name : new String[] {"alice", "bob", "carol", "sam", "pat", "petra", "audrey"}) {
      UserDetails user = users.loadUserByUsername(name);
      assertThat(PASSWORDS.matches(name, user.getPassword())).as(name).isTrue();
    }
    assertThat(users.loadUserByUsername("alice").getAuthorities())
        .extracting(Object::toString)
        .containsExactly("GROUP_team-payments");
    assertThat(users.loadUserByUsername("sam").getAuthorities())
        .extracting(Object::toString)
        .containsExactly("GROUP_sre");
    assertThat(users.loadUserByUsername("pat").getAuthorities())
        .extracting(Object::toString)
        .containsExactly("GROUP_platform");
  }

  @Test
  void outsideLocalModeTheSampleIsRefusedWithAClearMessage() {
    UsersFile sample = UsersFile.load(new ClassPathResource(SecurityConfiguration.SAMPLE_USERS));

    assertThatThrownBy(sample::checkAllowedOutsideLocalMode)
        .hasMessageContaining("outside local mode")
        .hasMessageContaining("sample users file")
        .hasMessageContaining("PAVED_USERS_FILE");
  }

  @Test
  void outsideLocalModeAClearPasswordOrOneEqualToTheNameIsRefused() {
    String ownName = PASSWORDS.encode("dana");
    assertThatThrownBy(
            () ->
                file("users:\n  - name: dana\n    password: \""
                        + ownName
                        + "\"\n    groups: [team-x]\n")
                    .checkAllowedOutsideLocalMode())
        .hasMessageContaining("dana's password is their name");
    assertThatThrownBy(
            () ->
                file("users:\n  - name: dana\n    password: \"{noop}s3cret-enough\"\n")
                    .checkAllowedOutsideLocalMode())
        .hasMessageContaining("in clear");

    file("users:\n  - name: dana\n    password: \""
            + PASSWORDS.encode("a long passphrase")
            + "\"\n")
        .checkAllowedOutsideLocalMode();
  }

  @Test
  void aMalformedFileIsRefusedAtLoad() {
    assertThatThrownBy(() -> file("users: []\n")).hasMessageContaining("lists no users");
    assertThatThrownBy(() -> file("users:\n  - name: dana\n    password: plain\n"))
        .hasMessageContaining("{bcrypt}");
    assertThatThrownBy(
            () ->
                file(
                    "users:\n  - {name: dana, password: \"{noop}a\"}\n"
                        + "  - {name: dana, password: \"{noop}b\"}\n"))
        .hasMessageContaining("twice");
  }

  @Test
  void withATemporalClusterAndNoWayToSignInPavedRefusesToStart() {
    MockEnvironment cluster = new MockEnvironment().withProperty("paved.temporal.target", "t:7233");
    IdentityProperties none =
        new IdentityProperties(
            null, new IdentityProperties.Oidc(null, "groups", null, null), "platform", "auditor");

    assertThatThrownBy(() -> new SecurityConfiguration().usersFile(none, cluster))
        .hasMessageContaining("PAVED_OIDC_ISSUER_URI")
        .hasMessageContaining("PAVED_USERS_FILE");
    assertThat(new SecurityConfiguration().usersFile(none, new MockEnvironment())).isNotNull();
  }

  @Test
  void anIssuerAndAUsersFileTogetherAreRefused() {
    IdentityProperties both =
        new IdentityProperties(
            "/etc/paved/users.yaml",
            new IdentityProperties.Oidc("https://id.example/realms/x", "groups", null, null),
            "platform",
            "auditor");

    assertThatThrownBy(() -> new SecurityConfiguration().oidcTokens(both))
        .hasMessageContaining("not both");
  }
}
