package dev.paved.activities.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceArchiveTest {

  @TempDir Path root;

  @Test
  void aFolderComesBackAsItWasWithItsExecutableFilesAndLinks() throws IOException {
    Path from = Files.createDirectories(root.resolve("from"));
    Files.writeString(
        Files.createDirectories(from.resolve("src/main")).resolve("App.java"), "class App {}");
    Files.createDirectories(from.resolve("empty"));
    Path mvnw = Files.writeString(from.resolve("mvnw"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(mvnw, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.createSymbolicLink(from.resolve("current"), Path.of("src"));

    Path to = root.resolve("to");
    WorkspaceArchive.unpack(WorkspaceArchive.pack(from), to);

    assertThat(to.resolve("src/main/App.java")).hasContent("class App {}");
    assertThat(to.resolve("empty")).isEmptyDirectory();
    assertThat(Files.isExecutable(to.resolve("mvnw"))).isTrue();
    assertThat(Files.isExecutable(to.resolve("src/main/App.java"))).isFalse();
    assertThat(Files.readSymbolicLink(to.resolve("current"))).isEqualTo(Path.of("src"));
    assertThat(WorkspaceArchive.fingerprint(to)).isEqualTo(WorkspaceArchive.fingerprint(from));
  }

  @Test
  void unpackingReplacesWhatTheFolderHeld() throws IOException {
    Path from = Files.createDirectories(root.resolve("from"));
    Files.writeString(from.resolve("kept.txt"), "kept");
    Path to = Files.createDirectories(root.resolve("to"));
    Files.writeString(to.resolve("stale.txt"), "from a failed attempt");

    WorkspaceArchive.unpack(WorkspaceArchive.pack(from), to);

    assertThat(to.resolve("stale.txt")).doesNotExist();
    assertThat(to.resolve("kept.txt")).hasContent("kept");
  }

  @Test
  void theFingerprintChangesWithAContentANameOrTheExecutableBit() throws IOException {
    Path folder = Files.createDirectories(root.resolve("w"));
    assertThat(WorkspaceArchive.fingerprint(folder)).isEqualTo(WorkspaceArchive.EMPTY);
    assertThat(WorkspaceArchive.fingerprint(root.resolve("absent")))
        .isEqualTo(WorkspaceArchive.EMPTY);
    Path file = Files.writeString(folder.resolve("a.txt"), "one");
    String first = WorkspaceArchive.fingerprint(folder);

    Files.writeString(file, "two");
    String second = WorkspaceArchive.fingerprint(folder);
    Files.move(file, folder.resolve("b.txt"));
    String third = WorkspaceArchive.fingerprint(folder);
    Files.setPosixFilePermissions(
        folder.resolve("b.txt"), PosixFilePermissions.fromString("rwxr-xr-x"));
    String fourth = WorkspaceArchive.fingerprint(folder);

    assertThat(java.util.List.of(WorkspaceArchive.EMPTY, first, second, third, fourth))
        .doesNotHaveDuplicates();
  }

  @Test
  void unpackingIfAbsentNeverTouchesAFolderThatIsThereAndManyAtOnceLeaveOne() throws Exception {
    Path from = Files.createDirectories(root.resolve("from"));
    Files.writeString(Files.createDirectories(from.resolve("skeleton")).resolve("a.txt"), "a");
    byte[] archive = WorkspaceArchive.pack(from);
    Path snapshot = root.resolve("template-versions/abc");

    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      java.util.List<java.util.concurrent.Future<?>> all = new java.util.ArrayList<>();
      for (int i = 0; i < 16; i++) {
        all.add(pool.submit(() -> WorkspaceArchive.unpackIfAbsent(archive, snapshot)));
      }
      for (java.util.concurrent.Future<?> one : all) {
        one.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(snapshot.resolve("skeleton/a.txt")).hasContent("a");
    try (java.util.stream.Stream<Path> left = Files.list(snapshot.getParent())) {
      assertThat(left).containsExactly(snapshot); // no partial folder left behind
    }

    Files.writeString(snapshot.resolve("read-by-a-step"), "still here");
    WorkspaceArchive.unpackIfAbsent(archive, snapshot);
    assertThat(snapshot.resolve("read-by-a-step")).hasContent("still here");
  }

  @Test
  void anArchiveCannotWriteOutsideItsFolder() throws IOException {
    byte[] climbing = archive("../outside.txt");
    Path to = root.resolve("to");

    assertThatThrownBy(() -> WorkspaceArchive.unpack(climbing, to))
        .hasMessageContaining("leaves the workspace");
    assertThat(root.resolve("outside.txt")).doesNotExist();
  }

  /** An archive of one file named {@code name}, written by hand as a hostile one would be. */
  private static byte[] archive(String name) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
      out.writeInt(0x50574131);
      out.writeByte(2);
      out.writeUTF(name);
      out.writeBoolean(false);
      out.writeLong(1);
      out.writeByte('x');
      out.writeByte(0);
    }
    return bytes.toByteArray();
  }
}
