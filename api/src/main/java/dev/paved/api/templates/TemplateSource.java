package dev.paved.api.templates;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where templates are read from: a folder of {@code <name>/template.yaml}, local or in git.
 * Scorecard files are read from the same kinds of folder.
 */
public interface TemplateSource {

  /** The folder holding the templates as they are now; a git source fetches first. */
  Path current() throws IOException;

  /** How the source is named in logs and in refusals, as it was configured. */
  String describe();

  /**
   * How a file of {@link #current()} is named in refusals, which anyone signed in can read: its
   * place inside the source, never an absolute path on this machine.
   */
  String display(Path file);

  /** How the source is named in refusals: no absolute path, no credentials. */
  String label();

  /**
   * {@code text} (an error's message, which git may write with the URL it was given) without the
   * user and password of any URL in it: what may be logged.
   */
  static String withoutCredentials(String text) {
    return text == null ? null : text.replaceAll("//[^/@\\s#]*@", "//");
  }

  /**
   * {@code location} fit for {@link #label()}: no user or password, and a local repository or
   * folder named by its last path segment only.
   */
  static String safe(String location) {
    String noUser = location.replaceAll("//[^/@#]*@", "//");
    int hash = noUser.indexOf('#');
    String where = hash < 0 ? noUser : noUser.substring(0, hash);
    String rest = hash < 0 ? "" : noUser.substring(hash);
    if (!where.matches("^(git\\+)?[a-z]+://[^/].*") || where.contains("file:")) {
      String trimmed = where.replaceAll("/+$", "");
      where = trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }
    return where + rest;
  }

  /** A folder of templates on this machine. */
  record Folder(Path folder) implements TemplateSource {

    public Folder {
      folder = folder.toAbsolutePath().normalize();
    }

    @Override
    public Path current() {
      return folder;
    }

    @Override
    public String describe() {
      return folder.toString();
    }

    @Override
    public String display(Path file) {
      return folder.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    @Override
    public String label() {
      return TemplateSource.safe(folder.toString());
    }
  }
}
