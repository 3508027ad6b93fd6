package dev.paved.api.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.testfixtures.SettableClock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class RememberedPasswordsTest {

  /** bcrypt at cost 4, counting its full checks. */
  static final class Counted implements PasswordEncoder {
    final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    final AtomicInteger checks = new AtomicInteger();

    @Override
    public String encode(CharSequence raw) {
      return bcrypt.encode(raw);
    }

    @Override
    public boolean matches(CharSequence raw, String encoded) {
      checks.incrementAndGet();
      return bcrypt.matches(raw, encoded);
    }
  }

  final Counted bcrypt = new Counted();
  final SettableClock clock = new SettableClock("2026-12-05T12:00:00Z");
  final RememberedPasswords passwords =
      new RememberedPasswords(bcrypt, Duration.ofMinutes(5), 3, clock);
  final String alice = bcrypt.encode("alice");

  @Test
  void aRightPasswordIsCheckedInFullOnceThenRemembered() {
    assertThat(passwords.matches("alice", alice)).isTrue();
    assertThat(passwords.matches("alice", alice)).isTrue();
    assertThat(passwords.matches("alice", alice)).isTrue();
    assertThat(bcrypt.checks).hasValue(1);
  }

  @Test
  void aWrongPasswordIsAlwaysCheckedInFullAndNeverRemembered() {
    assertThat(passwords.matches("alice", alice)).isTrue();
    for (int i = 0; i < 3; i++) {
      assertThat(passwords.matches("mallory", alice)).isFalse();
    }
    assertThat(bcrypt.checks).hasValue(4);
    assertThat(passwords.size()).isEqualTo(1);
  }

  @Test
  void aChangedStoredPasswordIsNotServedFromMemory() {
    assertThat(passwords.matches("alice", alice)).isTrue();
    String changed = bcrypt.encode("new-secret");
    assertThat(passwords.matches("alice", changed)).isFalse();
    assertThat(passwords.matches("new-secret", changed)).isTrue();
    assertThat(bcrypt.checks).hasValue(3);
  }

  @Test
  void aReloadedFileForgetsEverything() {
    assertThat(passwords.matches("alice", alice)).isTrue();
    passwords.forget();
    assertThat(passwords.size()).isZero();
    assertThat(passwords.matches("alice", alice)).isTrue();
    assertThat(bcrypt.checks).hasValue(2);
  }

  @Test
  void aSuccessIsForgottenAfterItsLifetime() {
    assertThat(passwords.matches("alice", alice)).isTrue();
    clock.advance(Duration.ofMinutes(5));
    assertThat(passwords.matches("alice", alice)).isTrue();
    assertThat(bcrypt.checks).hasValue(2);
  }

  @Test
  void itRemembersAtMostItsCapacity() {
    for (String name : new String[] {"a", "b", "c", "d", "e"}) {
      assertThat(passwords.matches(name, bcrypt.encode(name))).isTrue();
    }
    assertThat(passwords.size()).isEqualTo(3);
  }

  @Test
  void storedHashesAreNeverRewritten() {
    assertThat(passwords.upgradeEncoding(alice)).isFalse();
  }
}
