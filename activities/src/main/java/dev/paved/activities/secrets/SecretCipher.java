package dev.paved.activities.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for the local store: one random key kept in a file, a fresh 96-bit IV per write, and
 * the secret's path as associated data, so a file copied to another path fails to open.
 */
final class SecretCipher {

  private static final byte[] MAGIC = "PVS1".getBytes(StandardCharsets.US_ASCII);
  private static final int KEY_BYTES = 32;
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecureRandom random;
  private final SecretKeySpec key;

  private SecretCipher(SecureRandom random, byte[] key) {
    this.random = random;
    this.key = new SecretKeySpec(key, "AES");
  }

  /** Reads the key at {@code keyFile}, generating it (owner-only) the first time. */
  static SecretCipher fromKeyFile(Path keyFile, SecureRandom random) {
    try {
      if (!Files.exists(keyFile)) {
        byte[] fresh = new byte[KEY_BYTES];
        random.nextBytes(fresh);
        try {
          OwnerOnlyFiles.writeNew(keyFile, fresh);
        } catch (FileAlreadyExistsException raced) {
          // Another store on the same folder made it first: use theirs.
        }
      }
      byte[] key = Files.readAllBytes(keyFile);
      if (key.length != KEY_BYTES) {
        throw new IllegalStateException("secret store key file is not 32 bytes: " + keyFile);
      }
      return new SecretCipher(random, key);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  byte[] encrypt(String path, byte[] plaintext) {
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(path.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plaintext);
      return ByteBuffer.allocate(MAGIC.length + IV_BYTES + sealed.length)
          .put(MAGIC)
          .put(iv)
          .put(sealed)
          .array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JVM", e);
    }
  }

  /** The plaintext; IllegalStateException when the bytes were altered or made with another key. */
  byte[] decrypt(String path, byte[] stored) {
    if (stored.length < MAGIC.length + IV_BYTES + TAG_BITS / 8
        || !Arrays.equals(Arrays.copyOf(stored, MAGIC.length), MAGIC)) {
      throw tampered(path, null);
    }
    ByteBuffer buffer = ByteBuffer.wrap(stored, MAGIC.length, stored.length - MAGIC.length);
    byte[] iv = new byte[IV_BYTES];
    buffer.get(iv);
    byte[] sealed = new byte[buffer.remaining()];
    buffer.get(sealed);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(path.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(sealed);
    } catch (AEADBadTagException e) {
      throw tampered(path, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JVM", e);
    }
  }

  private static IllegalStateException tampered(String path, Exception cause) {
    return new IllegalStateException(
        "secret at " + path + " failed its integrity check: altered, or made with another key",
        cause);
  }
}
