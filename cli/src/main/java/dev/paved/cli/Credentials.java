package dev.paved.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;

/**
 * Where Paved is and how to sign in to it: from PAVED_URL, PAVED_TOKEN or PAVED_USER and
 * PAVED_PASSWORD when set (scripts, CI), else from the credentials file {@code paved login} wrote.
 * {@link #toString()} never shows the password or token.
 *
 * @param issuer how to refresh a token the OIDC device flow gave; null for any other sign-in
 */
record Credentials(String url, String user, String password, String token, Issuer issuer) {

  /**
   * The OIDC issuer's token endpoint and what renews the access token there.
   *
   * @param expiresAt when the access token expires (null: unknown)
   * @param refreshToken null when the issuer gave none: then the user signs in again
   */
  record Issuer(String tokenEndpoint, String clientId, String refreshToken, Instant expiresAt) {

    @Override
    public String toString() {
      return "Issuer[tokenEndpoint=" + tokenEndpoint + ", expiresAt=" + expiresAt + "]";
    }

    /** Expired, or expiring within the next half minute (a call takes time). */
    boolean expiring(Instant now) {
      return expiresAt != null && now.plusSeconds(30).isAfter(expiresAt);
    }
  }

  Credentials(String url, String user, String password, String token) {
    this(url, user, password, token, null);
  }

  static final String DEFAULT_URL = "http://localhost:8080";
  static final String FILE = "credentials";
  private static final ObjectMapper JSON = new ObjectMapper();

  static Credentials resolve(Map<String, String> env, Path configDir) {
    Credentials stored = read(configDir);
    String url = firstSet(env.get("PAVED_URL"), stored == null ? null : stored.url(), DEFAULT_URL);
    if (isSet(env.get("PAVED_TOKEN"))) {
      return new Credentials(url, null, null, env.get("PAVED_TOKEN"));
    }
    if (isSet(env.get("PAVED_USER"))) {
      return new Credentials(url, env.get("PAVED_USER"), env.get("PAVED_PASSWORD"), null);
    }
    if (stored == null) {
      return new Credentials(url, null, null, null);
    }
    // a PAVED_URL elsewhere than where the token came from must not refresh it there
    return new Credentials(
        url,
        stored.user(),
        stored.password(),
        stored.token(),
        url.equals(stored.url()) ? stored.issuer() : null);
  }

  /** The same sign-in with a renewed access token. */
  Credentials renewed(String accessToken, Issuer renewed) {
    return new Credentials(url, null, null, accessToken, renewed);
  }

  boolean signedIn() {
    return isSet(token) || isSet(user);
  }

  /** Reads the credentials file, or null when there is none. */
  static Credentials read(Path configDir) {
    Path file = configDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      var node = JSON.readTree(file.toFile());
      return new Credentials(
          text(node.get("url")),
          text(node.get("user")),
          text(node.get("password")),
          text(node.get("token")),
          issuer(node.get("issuer")));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Writes the file readable and writable by the user only (0600), replacing it whole. */
  void write(Path configDir) throws IOException {
    Files.createDirectories(configDir);
    ObjectNode node = JSON.createObjectNode();
    node.put("url", url);
    if (user != null) {
      node.put("user", user);
      node.put("password", password);
    }
    if (token != null) {
      node.put("token", token);
    }
    if (issuer != null) {
      ObjectNode i = node.putObject("issuer");
      i.put("tokenEndpoint", issuer.tokenEndpoint());
      i.put("clientId", issuer.clientId());
      i.put("refreshToken", issuer.refreshToken());
      i.put("expiresAt", issuer.expiresAt() == null ? null : issuer.expiresAt().toString());
    }
    Path temp = configDir.resolve(FILE + ".new");
    Files.deleteIfExists(temp);
    try {
      Files.createFile(
          temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException | FileAlreadyExistsException e) {
      throw new IOException("cannot create " + temp + " readable by the user only", e);
    }
    Files.writeString(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node));
    Files.move(
        temp,
        configDir.resolve(FILE),
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  static boolean delete(Path configDir) throws IOException {
    return Files.deleteIfExists(configDir.resolve(FILE));
  }

  @Override
  public String toString() {
    return "Credentials[url=" + url + ", user=" + user + "]";
  }

  private static Issuer issuer(JsonNode node) {
    if (node == null || !node.isObject()) {
      return null;
    }
    String expires = text(node.get("expiresAt"));
    return new Issuer(
        text(node.get("tokenEndpoint")),
        text(node.get("clientId")),
        text(node.get("refreshToken")),
        expires == null ? null : Instant.parse(expires));
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }

  static boolean isSet(String value) {
    return value != null && !value.isBlank();
  }

  private static String firstSet(String... values) {
    for (String v : values) {
      if (isSet(v)) {
        return v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
      }
    }
    return null;
  }
}
