package dev.paved.activities.github;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a GitHub App's private key: PEM text, or the path of a PEM file. GitHub hands out PKCS#1
 * ({@code BEGIN RSA PRIVATE KEY}); PKCS#8 ({@code BEGIN PRIVATE KEY}) is taken too.
 */
public final class AppKeys {

  private static final Pattern PEM =
      Pattern.compile(
          "-----BEGIN (RSA )?PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END (?:RSA )?PRIVATE KEY-----");

  /** DER of the AlgorithmIdentifier rsaEncryption (1.2.840.113549.1.1.1) with NULL parameters. */
  private static final byte[] RSA_ALGORITHM = {
    0x30,
    0x0d,
    0x06,
    0x09,
    0x2a,
    (byte) 0x86,
    0x48,
    (byte) 0x86,
    (byte) 0xf7,
    0x0d,
    0x01,
    0x01,
    0x01,
    0x05,
    0x00
  };

  private AppKeys() {}

  /**
   * The key in {@code pemOrPath}: PEM text when it holds a {@code -----BEGIN} line (literal {@code
   * \n} sequences, as some secret stores write them, count as line breaks), otherwise the path of a
   * file holding it. IllegalArgumentException when it is neither; the message never repeats the
   * key.
   */
  public static PrivateKey read(String pemOrPath) {
    if (pemOrPath == null || pemOrPath.isBlank()) {
      throw new IllegalArgumentException("the GitHub App private key is empty");
    }
    String pem = pemOrPath.replace("\\n", "\n");
    if (!pem.contains("-----BEGIN")) {
      Path file = Path.of(pemOrPath.strip());
      try {
        pem = Files.readString(file);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the GitHub App private key file " + file, e);
      }
    }
    Matcher m = PEM.matcher(pem);
    if (!m.find()) {
      throw new IllegalArgumentException(
          "the GitHub App private key is not an RSA private key in PEM form");
    }
    byte[] der = Base64.getMimeDecoder().decode(m.group(2));
    byte[] pkcs8 = m.group(1) == null ? der : pkcs1ToPkcs8(der);
    try {
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("the GitHub App private key cannot be read as RSA", e);
    }
  }

  /** PrivateKeyInfo ::= SEQUENCE { version 0, rsaEncryption, OCTET STRING (the PKCS#1 key) }. */
  static byte[] pkcs1ToPkcs8(byte[] pkcs1) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(new byte[] {0x02, 0x01, 0x00});
    body.writeBytes(RSA_ALGORITHM);
    body.writeBytes(tagged(0x04, pkcs1));
    return tagged(0x30, body.toByteArray());
  }

  private static byte[] tagged(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int length = content.length;
    if (length < 0x80) {
      out.write(length);
    } else {
      int bytes = (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
      out.write(0x80 | bytes);
      for (int i = bytes - 1; i >= 0; i--) {
        out.write((length >>> (8 * i)) & 0xff);
      }
    }
    out.writeBytes(content);
    return out.toByteArray();
  }
}
