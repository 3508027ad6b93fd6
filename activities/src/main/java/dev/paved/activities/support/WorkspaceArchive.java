package dev.paved.activities.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A folder as one compressed archive, and its fingerprint: what a run's workspace and a template's
 * snapshot are kept as where every worker reaches them. Folders, files (with whether they are
 * executable: a generated {@code mvnw} must stay runnable) and links (as links) are kept; paths are
 * relative and checked on the way back in, so an archive can never write outside its folder.
 */
public final class WorkspaceArchive {

  private static final int MAGIC = 0x50574131; // "PWA1"
  private static final byte END = 0;
  private static final byte FOLDER = 1;
  private static final byte FILE = 2;
  private static final byte LINK = 3;

  /** The fingerprint of an absent or empty folder. */
  public static final String EMPTY = fingerprint(null);

  private WorkspaceArchive() {}

  /** The folder's content as a compressed archive. */
  public static byte[] pack(Path folder) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream zipped = new GZIPOutputStream(bytes)) {
      write(folder, zipped);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * A digest of the folder's content (paths, kinds, bytes, the executable bit): equal for two
   * folders exactly when their archives unpack the same. Null or absent: {@link #EMPTY}.
   */
  public static String fingerprint(Path folder) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      try (DigestOutputStream out =
          new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
        write(folder, out);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Makes {@code folder} hold exactly what {@code archive} holds: unpacked beside it, then put in
   * its place, so a reader never sees half an archive.
   */
  public static void unpack(byte[] archive, Path folder) {
    unpackBeside(
        archive,
        folder,
        (partial, target) -> {
          FileTrees.delete(target);
          Files.move(partial, target);
        });
  }

  /**
   * Puts what {@code archive} holds at {@code folder} unless something is there already, never
   * touching a folder another thread or process put there first (a template snapshot that steps of
   * other runs may be reading): unpacked beside it, then moved into place in one step.
   */
  public static void unpackIfAbsent(byte[] archive, Path folder) {
    if (Files.isDirectory(folder)) {
      return;
    }
    unpackBeside(
        archive,
        folder,
        (partial, target) -> {
          try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
          } catch (IOException notMoved) {
            // Another got there first (the JDK reports a rename onto a full folder as a plain
            // FileSystemException): the same content, named by the same hash; keep the one there.
            if (!Files.isDirectory(target)) {
              throw notMoved;
            }
          }
        });
  }

  /** How an archive unpacked beside its folder takes the folder's place. */
  private interface Placing {
    void place(Path partial, Path folder) throws IOException;
  }

  private static void unpackBeside(byte[] archive, Path folder, Placing placing) {
    Path parent = folder.toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
      Path partial = Files.createTempDirectory(parent, ".unpacking-");
      try {
        read(archive, partial);
        placing.place(partial, folder);
      } finally {
        FileTrees.delete(partial);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path folder, OutputStream sink) throws IOException {
    DataOutputStream out = new DataOutputStream(sink);
    out.writeInt(MAGIC);
    if (folder != null && Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
      List<Path> paths;
      try (Stream<Path> walk = Files.walk(folder)) {
        paths = walk.filter(p -> !p.equals(folder)).sorted().toList();
      }
      for (Path path : paths) {
        String name = folder.relativize(path).toString().replace('\\', '/');
        if (Files.isSymbolicLink(path)) {
          out.writeByte(LINK);
          out.writeUTF(name);
          out.writeUTF(Files.readSymbolicLink(path).toString());
        } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
          out.writeByte(FOLDER);
          out.writeUTF(name);
        } else {
          out.writeByte(FILE);
          out.writeUTF(name);
          out.writeBoolean(executable(path));
          out.writeLong(Files.size(path));
          Files.copy(path, out);
        }
      }
    }
    out.writeByte(END);
    out.flush();
  }

  private static void read(byte[] archive, Path folder) throws IOException {
    try (DataInputStream in =
        new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(archive)))) {
      if (in.readInt() != MAGIC) {
        throw new IOException("not a Paved workspace archive");
      }
      while (true) {
        byte kind = in.readByte();
        if (kind == END) {
          return;
        }
        Path target = Workspaces.inside(folder, in.readUTF());
        if (target.equals(folder)) {
          throw new IOException("an archive entry names its own folder");
        }
        Files.createDirectories(target.getParent());
        if (!target.getParent().toRealPath().startsWith(folder.toRealPath())) {
          throw new IOException(
              "an archive entry goes through a link: " + folder.relativize(target));
        }
        switch (kind) {
          case FOLDER -> Files.createDirectories(target);
          case LINK -> {
            Files.createSymbolicLink(target, Path.of(in.readUTF()));
          }
          case FILE -> {
            boolean executable = in.readBoolean();
            long length = in.readLong();
            try (OutputStream file = Files.newOutputStream(target)) {
              copy(in, file, length);
            }
            if (executable) {
              makeExecutable(target);
            }
          }
          default -> throw new IOException("unknown archive entry " + kind);
        }
      }
    } catch (EOFException e) {
      throw new IOException("the archive ends early", e);
    }
  }

  private static void copy(DataInputStream in, OutputStream out, long length) throws IOException {
    byte[] buffer = new byte[8192];
    long left = length;
    while (left > 0) {
      int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (read < 0) {
        throw new EOFException();
      }
      out.write(buffer, 0, read);
      left -= read;
    }
  }

  private static boolean executable(Path file) throws IOException {
    PosixFileAttributeView posix =
        Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    return posix != null
        && posix.readAttributes().permissions().contains(PosixFilePermission.OWNER_EXECUTE);
  }

  private static void makeExecutable(Path file) throws IOException {
    if (Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
      Set<PosixFilePermission> permissions = PosixFilePermissions.fromString("rwxr-xr-x");
      Files.setPosixFilePermissions(file, permissions);
    }
  }
}
