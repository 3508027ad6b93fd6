package dev.paved.activities.fetch;

import dev.paved.activities.support.StepFailures;
import dev.paved.activities.support.Workspaces;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** The file-level work of the fetch actions: listing a skeleton and writing files safely. */
final class SkeletonCopy {

  private static final int BINARY_PROBE = 8 * 1024;

  private SkeletonCopy() {}

  /** Every file and folder under {@code skeleton}, as {@code a/b/c} paths, in a stable order. */
  static List<String> entries(String action, Path skeleton) {
    try (Stream<Path> walk = Files.walk(skeleton)) {
      return walk.filter(path -> !path.equals(skeleton))
          .map(
              path -> {
                String relative = skeleton.relativize(path).toString();
                relative = relative.replace(File.separatorChar, '/');
                if (Files.isSymbolicLink(path)) {
                  throw StepFailures.invalidInput(
                      action + ": symbolic links in a skeleton are not supported: " + relative);
                }
                return Files.isDirectory(path) ? relative + "/" : relative;
              })
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The file's bytes, refusing a symbolic link even one made after the skeleton was listed: a
   * skeleton's file never leads the read outside the template.
   */
  static byte[] readWithoutFollowing(Path source) throws IOException {
    try (InputStream in = Files.newInputStream(source, LinkOption.NOFOLLOW_LINKS)) {
      return in.readAllBytes();
    } catch (IOException e) {
      if (Files.isSymbolicLink(source)) { // ELOOP: the JDK names no exception of its own for it
        throw StepFailures.invalidInput(
            "symbolic links in a skeleton are not supported: " + source.getFileName());
      }
      throw e;
    }
  }

  /** Backstage skips an entry whose rendered path is empty or has an empty folder name. */
  static boolean skipped(String renderedPath) {
    return renderedPath.isEmpty() || renderedPath.startsWith("/") || renderedPath.contains("//");
  }

  /** True when the first 8 KB hold a NUL byte, as git and Backstage decide. */
  static boolean binary(byte[] content) {
    for (int i = 0; i < Math.min(content.length, BINARY_PROBE); i++) {
      if (content[i] == 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Copies {@code source} to {@code relative} under {@code target}, through {@code transform},
   * keeping the executable bit. An existing file is kept unless {@code replace}, as in Backstage; a
   * file is written whole or not at all, so a retried step never keeps half a file.
   *
   * @return false when the file existed and was kept
   */
  static boolean write(
      Path source,
      Path target,
      Path workspace,
      String relative,
      boolean replace,
      UnaryOperator<byte[]> transform)
      throws IOException {
    Path out = Workspaces.inside(target, relative);
    if (relative.endsWith("/")) {
      Files.createDirectories(out);
      return true;
    }
    Files.createDirectories(out.getParent());
    if (!out.getParent().toRealPath().startsWith(workspace.toRealPath())) {
      throw StepFailures.invalidInput("path leaves the workspace: " + relative);
    }
    if (!replace && Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    Path partial = out.resolveSibling(".paved-partial-" + out.getFileName());
    Files.deleteIfExists(partial); // never write through a link or into an old file's mode
    Files.write(partial, transform.apply(readWithoutFollowing(source)));
    // the move replaces a link as a link: nothing outside the workspace is written
    Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    if (Files.isExecutable(source)) {
      try {
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(out);
        mode.add(PosixFilePermission.OWNER_EXECUTE);
        if (mode.contains(PosixFilePermission.GROUP_READ)) {
          mode.add(PosixFilePermission.GROUP_EXECUTE);
        }
        if (mode.contains(PosixFilePermission.OTHERS_READ)) {
          mode.add(PosixFilePermission.OTHERS_EXECUTE);
        }
        Files.setPosixFilePermissions(out, mode);
      } catch (UnsupportedOperationException e) {
        out.toFile().setExecutable(true);
      }
    }
    return true;
  }
}
