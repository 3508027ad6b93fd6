package dev.paved.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * Where Paved is and how to sign in to it: from PAVED_URL, PAVED_TOKEN or PAVED_USER and
 * PAVED_PASSWORD when set (scripts, CI), else from the credentials file {@code paved login} wrote.
 * {@link #toString()} never shows the password or token.
 */
record Credentials(String url, String user, String password, String token) {

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
    return new Credentials(url, stored.user(), stored.password(), stored.token());
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
          text(node.get("token")));
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

  private static String text(com.fasterxml.jackson.databind.JsonNode node) {
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
