package dev.paved.activities.fetch;

import dev.paved.activities.support.Inputs;
import dev.paved.activities.support.StepFailures;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;

/**
 * Which skeleton files {@code fetch:template} renders: all of them, all but those matching {@code
 * copyWithoutTemplating}, or, with {@code templateFileExtension}, only those with that extension
 * (which is dropped from the name). File names are rendered, as in Backstage, except those matching
 * the deprecated {@code copyWithoutRender}, which copies the name as it is too.
 */
record TemplatingRules(List<PathMatcher> verbatim, String extension, boolean verbatimNames) {

  static TemplatingRules of(String action, Inputs inputs, Object templateFileExtension) {
    boolean oldName = !inputs.list("copyWithoutRender").isEmpty();
    if (oldName && !inputs.list("copyWithoutTemplating").isEmpty()) {
      throw StepFailures.invalidInput(
          action + ": copyWithoutRender and copyWithoutTemplating cannot be used together");
    }
    List<PathMatcher> verbatim =
        inputs.list(oldName ? "copyWithoutRender" : "copyWithoutTemplating").stream()
            .map(String::valueOf)
            .map(glob -> glob.startsWith("./") ? glob.substring(2) : glob)
            .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob))
            .toList();
    String extension = extension(action, templateFileExtension);
    if (extension != null && !verbatim.isEmpty()) {
      throw StepFailures.invalidInput(
          action + ": templateFileExtension and copyWithoutTemplating cannot be used together");
    }
    return new TemplatingRules(verbatim, extension, oldName);
  }

  private static String extension(String action, Object value) {
    if (value == null || Boolean.FALSE.equals(value) || "".equals(value)) {
      return null;
    }
    if (Boolean.TRUE.equals(value)) {
      return ".njk";
    }
    if (!(value instanceof String text) || text.contains("/")) {
      throw StepFailures.invalidInput(
          action + ": templateFileExtension must be true or an extension such as .njk");
    }
    return text.startsWith(".") ? text : "." + text;
  }

  boolean rendersContents(String entry) {
    if (entry.endsWith("/")) {
      return false;
    }
    if (extension != null) {
      return entry.endsWith(extension);
    }
    Path path = Path.of(entry);
    for (Path at = path; at != null; at = at.getParent()) {
      for (PathMatcher matcher : verbatim) {
        if (matcher.matches(at)) {
          return false;
        }
      }
    }
    return true;
  }

  /** Whether the entry's name is rendered: always, except under {@code copyWithoutRender}. */
  boolean rendersName(String entry) {
    return !verbatimNames || entry.endsWith("/") || rendersContents(entry);
  }

  /** The entry's path before rendering: without the template extension when it has one. */
  String outputPath(String entry) {
    if (extension != null && entry.endsWith(extension)) {
      return entry.substring(0, entry.length() - extension.length());
    }
    return entry;
  }
}
