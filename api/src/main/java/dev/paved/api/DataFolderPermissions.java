package dev.paved.api;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data folder holds the H2 database, workspaces and the local secret store: it and the
 * database's folder and files are its owner's only (700 and 600), set before the database opens and
 * again once Paved is up, for the files H2 made meanwhile. On a file system without POSIX
 * permissions, or a folder Paved does not own, it says so once and goes on.
 */
final class DataFolderPermissions {

  private static final Logger log = LoggerFactory.getLogger(DataFolderPermissions.class);
  private static final Set<PosixFilePermission> FOLDER =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private DataFolderPermissions() {}

  /** Makes the data folder (as Paved would later) and closes it to everyone but its owner. */
  static void restrict(Path dataDir) {
    if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return;
    }
    Path db = dataDir.resolve("db");
    try {
      Files.createDirectories(dataDir);
      Files.setPosixFilePermissions(dataDir, FOLDER);
      if (!Files.isDirectory(db)) {
        return; // no H2 database (yet): the folder above keeps it closed when it comes
      }
      Files.setPosixFilePermissions(db, FOLDER);
      try (Stream<Path> files = Files.list(db)) {
        for (Path file : files.toList()) {
          Files.setPosixFilePermissions(file, Files.isDirectory(file) ? FOLDER : FILE);
        }
      }
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      log.warn("Could not make the data folder {} its owner's only: {}", dataDir, e.toString());
    }
  }
}
