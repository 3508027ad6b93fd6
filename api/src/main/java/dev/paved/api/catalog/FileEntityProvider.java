package dev.paved.api.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** {@code file} locations: a file on the API's own disk (an operator's {@code org.yaml}). */
final class FileEntityProvider implements EntityProvider {

  @Override
  public boolean reads(String type, String target) {
    return "file".equals(type);
  }

  @Override
  public Read read(String target, String lastVersion) {
    return Read.of(text(target));
  }

  private Optional<String> text(String target) {
    Path path = Path.of(target);
    if (!Files.isRegularFile(path)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String resolve(String base, String relative) {
    return Path.of(base).resolveSibling(relative).normalize().toString();
  }
}
