package dev.paved.api.templates;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A template's version: a hash of every file in its folder (path, executable bit and bytes), so any
 * edit gives a new version and the same content always the same one, wherever it was read from.
 */
final class TemplateVersion {

  /** The length of the version string the API shows; snapshots use the whole hash. */
  static final int SHORT = 12;

  private TemplateVersion() {}

  static String of(Path folder) {
    return hash(folder).substring(0, SHORT);
  }

  /**
   * The SHA-256 of the folder's files as hex; IllegalArgumentException for a symbolic link, which a
   * template may not hold (it could lead out of the template's folder).
   */
  static String hash(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      List<Path> sorted = files.filter(path -> !path.equals(folder)).sorted().toList();
      for (Path file : sorted) {
        String relative = folder.relativize(file).toString().replace(File.separatorChar, '/');
        if (Files.isSymbolicLink(file)) {
          throw new IllegalArgumentException(
              "symbolic links are not supported in a template: " + relative);
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        digest.update(relative.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update((byte) (Files.isExecutable(file) ? 'x' : '-'));
        digest.update(Files.readAllBytes(file));
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
