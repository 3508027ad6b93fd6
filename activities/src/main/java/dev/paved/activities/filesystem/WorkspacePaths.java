package dev.paved.activities.filesystem;

import dev.paved.activities.support.StepFailures;
import dev.paved.activities.support.Workspaces;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Paths a {@code fs:*} step names, inside the run's workspace only: {@code ..}, absolute paths and
 * paths through a link that leads out are refused as InvalidInput, and the workspace itself is
 * never the target.
 */
final class WorkspacePaths {

  private WorkspacePaths() {}

  /** {@code relative} inside {@code workspace}, not the workspace itself. */
  static Path inside(String action, Path workspace, String relative) {
    Path path = Workspaces.inside(workspace, relative);
    if (path.equals(workspace)) {
      throw StepFailures.invalidInput(action + ": '" + relative + "' is the workspace itself");
    }
    try {
      Path parent = path.getParent();
      while (!Files.exists(parent, LinkOption.NOFOLLOW_LINKS)) {
        parent = parent.getParent();
      }
      if (!parent.toRealPath().startsWith(workspace.toRealPath())) {
        throw StepFailures.invalidInput(action + ": path leaves the workspace: " + relative);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return path;
  }

  /** Whether {@code pattern} is a glob ({@code *}, {@code ?}, {@code [..]}, {@code {..}}). */
  static boolean isGlob(String pattern) {
    return pattern.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
  }

  /** Every file and folder of the workspace whose relative path matches the glob, deepest last. */
  static List<Path> matching(String action, Path workspace, String glob) {
    String pattern = glob.startsWith("./") ? glob.substring(2) : glob;
    if (pattern.startsWith("/") || pattern.contains("..")) {
      throw StepFailures.invalidInput(action + ": pattern leaves the workspace: " + glob);
    }
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    try (Stream<Path> walk = Files.walk(workspace)) {
      return walk.filter(p -> !p.equals(workspace))
          .filter(p -> matcher.matches(Path.of(relative(workspace, p))))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String relative(Path workspace, Path path) {
    return workspace.relativize(path).toString().replace(File.separatorChar, '/');
  }

  static List<String> relative(Path workspace, List<Path> paths) {
    List<String> names = new ArrayList<>();
    paths.forEach(p -> names.add(relative(workspace, p)));
    return names;
  }
}
