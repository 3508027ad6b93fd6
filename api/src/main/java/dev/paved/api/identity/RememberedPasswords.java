package dev.paved.api.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks HTTP basic passwords in full (bcrypt) once, then remembers the success for a while, so a
 * script signing in on every call does not pay bcrypt on every call. What it remembers is a keyed
 * hash (HMAC-SHA256 under a key drawn at random when the process starts) of the user's stored hash
 * and the password given, never the password; a changed stored password therefore misses. Only
 * successes are remembered: a wrong password is always checked in full. Bounded (the oldest is
 * dropped first) and emptied by {@link #forget()}.
 */
final class RememberedPasswords implements PasswordEncoder {

  private final PasswordEncoder checked;
  private final Duration lifetime;
  private final int capacity;
  private final Clock clock;
  private final SecretKeySpec key;
  private final Map<String, Instant> remembered;

  RememberedPasswords(PasswordEncoder checked, Duration lifetime, int capacity, Clock clock) {
    this.checked = checked;
    this.lifetime = lifetime;
    this.capacity = capacity;
    this.clock = clock;
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    this.key = new SecretKeySpec(random, "HmacSHA256");
    this.remembered = new LinkedHashMap<>(16, 0.75f, false);
  }

  @Override
  public String encode(CharSequence rawPassword) {
    return checked.encode(rawPassword);
  }

  @Override
  public boolean matches(CharSequence rawPassword, String encodedPassword) {
    if (rawPassword == null || encodedPassword == null || lifetime.isZero()) {
      return checked.matches(rawPassword, encodedPassword);
    }
    String id = keyed(encodedPassword, rawPassword);
    Instant now = clock.instant();
    synchronized (remembered) {
      Instant until = remembered.get(id);
      if (until != null && now.isBefore(until)) {
        return true;
      }
      remembered.remove(id);
    }
    if (!checked.matches(rawPassword, encodedPassword)) {
      return false;
    }
    synchronized (remembered) {
      remembered.put(id, now.plus(lifetime));
      while (remembered.size() > capacity) {
        remembered.remove(remembered.keySet().iterator().next());
      }
    }
    return true;
  }

  /**
   * Never: re-encoding would change the password in memory only (the users file keeps its own), and
   * a sample file's cost-4 hashes would turn into cost-10 ones paid at every full check.
   */
  @Override
  public boolean upgradeEncoding(String encodedPassword) {
    return false;
  }

  /** Forgets every remembered success (the users file was read again). */
  void forget() {
    synchronized (remembered) {
      remembered.clear();
    }
  }

  int size() {
    synchronized (remembered) {
      return remembered.size();
    }
  }

  private String keyed(String encodedPassword, CharSequence rawPassword) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      mac.update(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(mac.doFinal());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }
}
