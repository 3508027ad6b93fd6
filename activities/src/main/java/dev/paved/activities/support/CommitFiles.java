package dev.paved.activities.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a commit of a folder holds, the same for a local git repository and for GitHub: every file
 * by its {@code a/b/c} path under a prefix, with its git mode. Symbolic links are stored as links
 * (their target is the content; nothing is followed), {@code .git} folders and files are skipped.
 */
public final class CommitFiles {

  /** A file's mode as git records it. */
  public enum Mode {
    REGULAR("100644"),
    EXECUTABLE("100755"),
    SYMLINK("120000");

    private final String octal;

    Mode(String octal) {
      this.octal = octal;
    }

    /** The mode as git's tree objects (and GitHub's API) write it. */
    public String octal() {
      return octal;
    }
  }

  /** One file of the commit: its mode and its content (a link's target, for a link). */
  public record CommitFile(Mode mode, byte[] content) {}

  private CommitFiles() {}

  /** The folder's files, keyed by path, sorted; {@code prefix} ("" for none) comes before each. */
  public static Map<String, CommitFile> read(Path folder, String prefix) throws IOException {
    Map<String, CommitFile> files = new TreeMap<>();
    Files.walkFileTree(
        folder,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            boolean dotGit =
                !dir.equals(folder) && dir.getFileName().toString().equalsIgnoreCase(".git");
            return dotGit ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            String relative = folder.relativize(file).toString().replace('\\', '/');
            String path = prefix.isEmpty() ? relative : prefix + "/" + relative;
            if (attrs.isSymbolicLink()) {
              String target = Files.readSymbolicLink(file).toString();
              files.put(
                  path, new CommitFile(Mode.SYMLINK, target.getBytes(StandardCharsets.UTF_8)));
            } else if (attrs.isRegularFile()
                && !file.getFileName().toString().equalsIgnoreCase(".git")) {
              Mode mode = Files.isExecutable(file) ? Mode.EXECUTABLE : Mode.REGULAR;
              files.put(path, new CommitFile(mode, Files.readAllBytes(file)));
            }
            return FileVisitResult.CONTINUE;
          }
        });
    return files;
  }
}
