package dev.paved.api.templates;

import dev.paved.activities.support.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * Content-addressed copies of template folders ({@code <data>/template-versions/<hash>/}). A run
 * reads its skeleton from the copy of the version it started with, so editing or removing the
 * template later changes neither the run, its retries, nor its replay. Snapshots are never deleted
 * by Paved: a run may be resumed or re-run at any time, and one version of a template takes the
 * space of one copy however many runs use it.
 */
final class TemplateSnapshots {

  private final Path root;

  TemplateSnapshots(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /**
   * A template version's frozen folder and its full content hash; {@code created} when this call
   * made it.
   */
  record Snapshot(String hash, Path folder, boolean created) {}

  /**
   * The snapshot of {@code folder} as it is now, made if absent. IllegalArgumentException when the
   * folder holds a symbolic link.
   */
  Snapshot take(Path folder) {
    String hash = TemplateVersion.hash(folder);
    Path target = root.resolve(hash);
    if (Files.isDirectory(target)) {
      return new Snapshot(hash, target, false);
    }
    try {
      Files.createDirectories(root);
      Path partial = Files.createTempDirectory(root, ".partial-");
      try {
        copyTree(folder, partial);
        // The folder may have changed while it was copied: the copy's own hash names it.
        String copied = TemplateVersion.hash(partial);
        Path named = root.resolve(copied);
        if (Files.isDirectory(named)) {
          return new Snapshot(copied, named, false);
        }
        try {
          Files.move(partial, named, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
          if (!Files.isDirectory(named)) {
            throw e;
          }
          // Another process made the same snapshot first; the content is the same.
          return new Snapshot(copied, named, false);
        }
        return new Snapshot(copied, named, true);
      } finally {
        FileTrees.delete(partial);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Removes a snapshot this load made when its template was refused: no run can know it. */
  void discard(Snapshot snapshot) {
    if (!snapshot.created()) {
      return;
    }
    try {
      FileTrees.delete(snapshot.folder());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path source : paths.sorted().toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }
}
