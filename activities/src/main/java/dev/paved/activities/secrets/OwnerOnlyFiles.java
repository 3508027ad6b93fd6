package dev.paved.activities.secrets;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files only their owner can read, written whole (temp file, then an atomic move) so a crash never
 * leaves half a secret behind. Where the file system has no POSIX permissions (Windows) the files
 * get the folder's default access.
 */
final class OwnerOnlyFiles {

  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private OwnerOnlyFiles() {}

  static void createDirectories(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    if (POSIX) {
      Files.createDirectories(
          dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } else {
      Files.createDirectories(dir);
    }
  }

  /** Writes {@code bytes} to {@code target}, replacing it. */
  static void write(Path target, byte[] bytes) throws IOException {
    Path temp = temp(target, bytes);
    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Writes {@code bytes} to {@code target}; FileAlreadyExistsException when it exists. */
  static void writeNew(Path target, byte[] bytes) throws IOException {
    Path temp = temp(target, bytes);
    try {
      // A hard link publishes the whole file at once and fails if the target already exists.
      Files.createLink(target, temp);
    } catch (UnsupportedOperationException noLinks) {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static Path temp(Path target, byte[] bytes) throws IOException {
    createDirectories(target.getParent());
    FileAttribute<?>[] attributes =
        POSIX
            ? new FileAttribute<?>[] {
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
            }
            : new FileAttribute<?>[0];
    Path temp = Files.createTempFile(target.getParent(), ".tmp-", ".part", attributes);
    Files.write(temp, bytes);
    return temp;
  }
}
