package dev.paved.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Folders a test context owns, made under the test JVM's temporary folder (target/tmp). */
public final class TestFolders {

  private TestFolders() {}

  /** A new, empty data folder ({@code paved.data-dir}) for one test context. */
  public static Path newDataDir(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
