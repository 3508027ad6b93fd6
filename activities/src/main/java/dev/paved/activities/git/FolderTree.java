package dev.paved.activities.git;

import dev.paved.activities.support.CommitFiles;
import dev.paved.activities.support.CommitFiles.CommitFile;
import dev.paved.activities.support.StepFailures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Writes a folder into a bare repository as a tree, straight into its object store (no working
 * tree, no clone). The folder's files are laid over an existing tree under a prefix: files already
 * there stay, files with the same path are replaced.
 */
public final class FolderTree {

  private record Entry(FileMode mode, ObjectId id) {}

  private FolderTree() {}

  /**
   * The id of the tree {@code base} (null for none) plus the files of {@code folder} under {@code
   * prefix} ("" for the root). Symbolic links are stored as links, never followed; {@code .git}
   * folders are skipped. InvalidInput when the folder holds no file.
   */
  public static ObjectId write(Repository repository, Path folder, ObjectId base, String prefix)
      throws IOException {
    Map<String, Entry> entries = new TreeMap<>();
    if (base != null) {
      readTree(repository, base, entries);
    }
    try (ObjectInserter inserter = repository.newObjectInserter()) {
      Map<String, Entry> added = readFolder(inserter, folder, normalise(prefix));
      if (added.isEmpty()) {
        throw StepFailures.invalidInput("no file to commit in " + folder.getFileName());
      }
      added.keySet().forEach(path -> dropClashes(entries, path));
      entries.putAll(added);
      DirCache index = DirCache.newInCore();
      DirCacheBuilder builder = index.builder();
      entries.forEach(
          (path, entry) -> {
            DirCacheEntry e = new DirCacheEntry(path);
            e.setFileMode(entry.mode());
            e.setObjectId(entry.id());
            builder.add(e);
          });
      builder.finish();
      ObjectId tree = index.writeTree(inserter);
      inserter.flush();
      return tree;
    }
  }

  /** A path inside the repository, without leading or trailing slashes; "" for the root. */
  public static String normalise(String prefix) {
    if (prefix == null) {
      return "";
    }
    String p = prefix.replace('\\', '/').strip();
    while (p.startsWith("./") || p.startsWith("/")) {
      p = p.substring(p.startsWith("./") ? 2 : 1);
    }
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    if (p.equals(".")) {
      return "";
    }
    for (String part : p.split("/")) {
      if (!p.isEmpty() && (part.isEmpty() || part.equals(".") || part.equals(".."))) {
        throw StepFailures.invalidInput("not a path inside the repository: " + prefix);
      }
      if (part.equalsIgnoreCase(Constants.DOT_GIT)) {
        throw StepFailures.invalidInput("a repository path may not name .git: " + prefix);
      }
    }
    return p;
  }

  private static void readTree(Repository repository, ObjectId tree, Map<String, Entry> into)
      throws IOException {
    try (TreeWalk walk = new TreeWalk(repository)) {
      walk.addTree(tree);
      walk.setRecursive(true);
      while (walk.next()) {
        into.put(walk.getPathString(), new Entry(walk.getFileMode(0), walk.getObjectId(0)));
      }
    }
  }

  /** The folder's files as git entries, each blob inserted. */
  private static Map<String, Entry> readFolder(ObjectInserter inserter, Path folder, String prefix)
      throws IOException {
    Map<String, Entry> files = new TreeMap<>();
    for (Map.Entry<String, CommitFile> file : CommitFiles.read(folder, prefix).entrySet()) {
      FileMode mode =
          switch (file.getValue().mode()) {
            case SYMLINK -> FileMode.SYMLINK;
            case EXECUTABLE -> FileMode.EXECUTABLE_FILE;
            case REGULAR -> FileMode.REGULAR_FILE;
          };
      files.put(
          file.getKey(),
          new Entry(mode, inserter.insert(Constants.OBJ_BLOB, file.getValue().content())));
    }
    return files;
  }

  /** Removes what would clash with a file at {@code path}: a file at a parent, a folder at it. */
  private static void dropClashes(Map<String, Entry> entries, String path) {
    for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
      entries.remove(path.substring(0, slash));
    }
    entries.keySet().removeIf(existing -> existing.startsWith(path + "/"));
  }
}
