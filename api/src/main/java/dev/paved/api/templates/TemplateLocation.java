package dev.paved.api.templates;

import java.net.URI;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Reads one entry of {@code paved.template-locations}: a folder ({@code /srv/templates}, {@code
 * file:/srv/templates}) or a folder in a git repository at a ref, {@code
 * git+<url>[#<ref>[:<path>]]} (for example {@code
 * git+https://git.example.com/platform/golden-paths.git#main:templates} or {@code
 * git+file:///srv/git/templates.git}); without a ref the repository's default branch, without a
 * path its root.
 */
public final class TemplateLocation {

  private static final String GIT = "git+";
  private static final Pattern REF = Pattern.compile("[A-Za-z0-9._/-]+");
  private static final Pattern SUB_PATH = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");

  private TemplateLocation() {}

  /** The source the entry names; IllegalArgumentException says what is wrong with it. */
  public static TemplateSource parse(String entry, Path gitCache) {
    String text = entry == null ? "" : entry.trim();
    if (text.isEmpty()) {
      throw new IllegalArgumentException("an empty template location");
    }
    if (!text.startsWith(GIT)) {
      return new TemplateSource.Folder(
          text.startsWith("file:") ? Path.of(URI.create(text)) : Path.of(text));
    }
    String rest = text.substring(GIT.length());
    int hash = rest.indexOf('#');
    String url = hash < 0 ? rest : rest.substring(0, hash);
    String fragment = hash < 0 ? "" : rest.substring(hash + 1);
    int colon = fragment.indexOf(':');
    String ref = colon < 0 ? fragment : fragment.substring(0, colon);
    String path = colon < 0 ? "" : fragment.substring(colon + 1);
    path = path.replaceAll("^/+|/+$", "");
    if (url.isBlank() || !url.matches("^[A-Za-z][A-Za-z0-9+.-]*:.+")) {
      throw new IllegalArgumentException(
          "template location '" + entry + "': the git URL must be absolute (https:, ssh:, file:)");
    }
    if (!ref.isEmpty() && (!REF.matcher(ref).matches() || ref.contains(".."))) {
      throw new IllegalArgumentException(
          "template location '" + entry + "': '" + ref + "' is not a branch, tag or commit");
    }
    if (!path.isEmpty()
        && (!SUB_PATH.matcher(path).matches() || ("/" + path + "/").contains("/../"))) {
      throw new IllegalArgumentException(
          "template location '" + entry + "': '" + path + "' is not a folder of the repository");
    }
    return new GitTemplateSource(text, url, ref.isEmpty() ? null : ref, path, gitCache);
  }
}
