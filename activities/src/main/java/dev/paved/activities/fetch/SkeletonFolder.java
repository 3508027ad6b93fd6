package dev.paved.activities.fetch;

import dev.paved.activities.support.StepFailures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** Finds a {@code fetch:*} step's {@code url}: a folder or file inside the template's folder. */
final class SkeletonFolder {

  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");

  private SkeletonFolder() {}

  /**
   * The folder {@code url} names under {@code templateLocation}; InvalidInput for anything else.
   */
  static Path resolve(String action, String templateLocation, String url) {
    Path folder = resolvePath(action, templateLocation, url);
    if (!Files.isDirectory(folder)) {
      throw StepFailures.invalidInput(action + ": no folder '" + url + "' next to the template");
    }
    return folder;
  }

  /** The file {@code url} names under {@code templateLocation}; InvalidInput for anything else. */
  static Path resolveFile(String action, String templateLocation, String url) {
    Path file = resolvePath(action, templateLocation, url);
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      throw StepFailures.invalidInput(action + ": no file '" + url + "' next to the template");
    }
    return file;
  }

  private static Path resolvePath(String action, String templateLocation, String url) {
    String lower = url.toLowerCase();
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      throw StepFailures.invalidInput(
          action
              + ": remote url '"
              + url
              + "' is not supported yet; use a folder next to the"
              + " template, such as ./skeleton");
    }
    if (SCHEME.matcher(url).matches() || url.startsWith("/") || url.startsWith("\\")) {
      throw StepFailures.invalidInput(
          action + ": url must be a folder relative to the template, got '" + url + "'");
    }
    if (templateLocation == null || templateLocation.isBlank()) {
      throw StepFailures.invalidInput(
          action + ": the template has no folder to read '" + url + "'");
    }
    try {
      Path base = Path.of(templateLocation).toAbsolutePath().normalize();
      Path folder = base.resolve(url).normalize();
      if (!folder.startsWith(base)) {
        throw escapes(action, url);
      }
      if (!Files.exists(folder)) {
        throw StepFailures.invalidInput(action + ": nothing at '" + url + "' next to the template");
      }
      // a symbolic link inside the template folder must not lead out of it
      if (!folder.toRealPath().startsWith(base.toRealPath())) {
        throw escapes(action, url);
      }
      return folder;
    } catch (InvalidPathException e) {
      throw StepFailures.invalidInput(action + ": url is not a valid path: '" + url + "'");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static RuntimeException escapes(String action, String url) {
    return StepFailures.invalidInput(action + ": url '" + url + "' leaves the template's folder");
  }
}
