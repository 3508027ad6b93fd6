package dev.paved.api.templates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** A template's version: a hash of every file in its folder, so any edit gives a new version. */
final class TemplateVersion {

  private TemplateVersion() {}

  static String of(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      List<Path> sorted = files.filter(Files::isRegularFile).sorted().toList();
      for (Path file : sorted) {
        digest.update(folder.relativize(file).toString().getBytes());
        digest.update((byte) 0);
        digest.update(Files.readAllBytes(file));
      }
      return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
