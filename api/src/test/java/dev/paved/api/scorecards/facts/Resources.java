package dev.paved.api.scorecards.facts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The report files under {@code src/test/resources/scorecards/}. */
final class Resources {

  private Resources() {}

  static String text(String path) {
    try (InputStream in = Resources.class.getResourceAsStream("/scorecards/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource scorecards/" + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
