package dev.paved.api.templates;

import dev.paved.activities.support.FileTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Templates in a git repository: a bare mirror under the data folder, fetched on each look, and the
 * folder at the ref exported once per commit ({@code <cache>/<key>/<commit>/}). When a fetch fails
 * the last exported commit keeps serving, so a network hiccup does not take templates away.
 */
final class GitTemplateSource implements TemplateSource {

  private static final Logger log = LoggerFactory.getLogger(GitTemplateSource.class);

  private final String location;
  private final String url;
  private final String ref;
  private final String path;
  private final Path mirror;
  private final Path exports;
  private Path lastGood;

  GitTemplateSource(String location, String url, String ref, String path, Path cache) {
    this.location = location;
    this.url = url;
    this.ref = ref;
    this.path = path;
    Path root = cache.toAbsolutePath().normalize();
    // One mirror per repository; one export folder per location (ref and path differ).
    this.mirror = root.resolve(key(url) + ".git");
    this.exports = root.resolve(key(location));
  }

  @Override
  public synchronized Path current() throws IOException {
    try (Git git = fetch()) {
      Repository repository = git.getRepository();
      String wanted = ref == null ? "HEAD" : ref;
      ObjectId commit = repository.resolve(wanted + "^{commit}");
      if (commit == null) {
        throw new IOException("no branch, tag or commit '" + wanted + "' in " + url);
      }
      Path folder = exports.resolve(commit.name());
      if (!Files.isDirectory(folder)) {
        export(repository, commit, folder);
      }
      removeOtherExports(folder);
      lastGood = folder;
      return folder;
    } catch (GitAPIException | IOException | RuntimeException e) {
      if (lastGood == null || !Files.isDirectory(lastGood)) {
        throw new IOException(
            "cannot read " + label() + ": " + TemplateSource.withoutCredentials(e.getMessage()), e);
      }
      log.warn(
          "Cannot fetch template location {} ({}); still serving commit {}",
          label(),
          TemplateSource.withoutCredentials(e.getMessage()),
          lastGood.getFileName());
      return lastGood;
    }
  }

  @Override
  public String describe() {
    return location;
  }

  @Override
  public String display(Path file) {
    String inside = exports.relativize(file).toString().replace('\\', '/');
    int slash = inside.indexOf('/');
    String relative = slash < 0 ? "" : inside.substring(slash + 1);
    String base = path.isEmpty() ? "" : path + "/";
    return label() + " " + base + relative;
  }

  @Override
  public String label() {
    return TemplateSource.safe(location);
  }

  private Git fetch() throws GitAPIException, IOException {
    if (Files.isRegularFile(mirror.resolve("HEAD"))) {
      Git git = Git.open(mirror.toFile());
      try {
        git.fetch()
            .setRemote("origin")
            .setRefSpecs(
                new RefSpec("+refs/heads/*:refs/heads/*"), new RefSpec("+refs/tags/*:refs/tags/*"))
            .setRemoveDeletedRefs(true)
            .call();
        return git;
      } catch (GitAPIException | RuntimeException e) {
        git.close();
        throw e;
      }
    }
    Files.createDirectories(mirror.getParent());
    return Git.cloneRepository()
        .setURI(url)
        .setBare(true)
        .setCloneAllBranches(true)
        .setDirectory(mirror.toFile())
        .call();
  }

  /** Writes the folder at {@code path} of the commit, then renames it into place. */
  private void export(Repository repository, ObjectId commitId, Path folder) throws IOException {
    Files.createDirectories(exports);
    Path partial = Files.createTempDirectory(exports, ".partial-");
    try (RevWalk walk = new RevWalk(repository);
        TreeWalk tree = new TreeWalk(repository)) {
      RevCommit commit = walk.parseCommit(commitId);
      tree.addTree(commit.getTree());
      tree.setRecursive(true);
      if (!path.isEmpty()) {
        tree.setFilter(PathFilter.create(path));
      }
      boolean any = false;
      while (tree.next()) {
        String name = tree.getPathString();
        String relative = path.isEmpty() ? name : name.substring(path.length() + 1);
        Path target = partial.resolve(relative).normalize();
        if (!target.startsWith(partial)) {
          throw new IOException("a path in " + url + " leaves its folder: " + name);
        }
        Files.createDirectories(target.getParent());
        FileMode mode = tree.getFileMode(0);
        byte[] bytes = repository.open(tree.getObjectId(0)).getBytes();
        if (mode == FileMode.SYMLINK) {
          // Kept as a link, so the template holding it is refused with the reason.
          Files.createSymbolicLink(target, Path.of(new String(bytes, StandardCharsets.UTF_8)));
        } else if (mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE) {
          Files.write(target, bytes);
          target.toFile().setExecutable(mode == FileMode.EXECUTABLE_FILE, false);
        }
        any = true;
      }
      if (!any && !path.isEmpty()) {
        throw new IOException("no folder '" + path + "' at " + commit.name() + " of " + url);
      }
      Files.move(partial, folder, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      FileTrees.delete(partial);
    }
  }

  private void removeOtherExports(Path keep) throws IOException {
    try (Stream<Path> folders = Files.list(exports)) {
      for (Path folder : folders.filter(f -> !f.equals(keep)).toList()) {
        FileTrees.delete(folder);
      }
    }
  }

  private static String key(String url) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
