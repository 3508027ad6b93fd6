package dev.paved.api.catalog;

import dev.paved.activities.git.LocalGitRepositories;
import dev.paved.activities.repository.LocalRepositoryHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.transport.URIish;

/** Real bare git repositories under a data folder's {@code git/}, as local mode hosts them. */
public final class CatalogGitRepos {

  final LocalGitRepositories git;
  private final Path work;

  public CatalogGitRepos(Path root) throws IOException {
    git = new LocalGitRepositories(root.resolve("git"));
    work = Files.createDirectories(root.resolve("work"));
  }

  /** What the catalog reads them with: the local repository host. */
  CatalogSource source() {
    return new LocalRepositoryHost(git)::readFile;
  }

  /** The {@code url} target of a file on {@code main}. */
  public String url(String owner, String repo, String file) {
    return git.remoteUrl(owner, repo) + "/blob/main/" + file;
  }

  /** The commit id of {@code main}. */
  public String head(String owner, String repo) throws IOException {
    try (org.eclipse.jgit.lib.Repository r = git.open(owner, repo).orElseThrow()) {
      return r.resolve("refs/heads/main").name();
    }
  }

  /** Writes the files (null deletes one) and pushes one commit to {@code main}. */
  public void commit(String owner, String repo, Map<String, String> files) throws Exception {
    Path bare = git.path(owner, repo);
    Path clone = work.resolve(owner + "-" + repo);
    if (!Files.isDirectory(bare)) {
      Git.init().setBare(true).setInitialBranch("main").setDirectory(bare.toFile()).call().close();
      try (Git g = Git.init().setInitialBranch("main").setDirectory(clone.toFile()).call()) {
        g.remoteAdd().setName("origin").setUri(new URIish(bare.toUri().toString())).call();
      }
    }
    try (Git g = Git.open(clone.toFile())) {
      for (Map.Entry<String, String> file : files.entrySet()) {
        Path target = clone.resolve(file.getKey());
        if (file.getValue() == null) {
          Files.deleteIfExists(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.writeString(target, file.getValue());
        }
      }
      g.add().addFilepattern(".").call();
      g.add().addFilepattern(".").setUpdate(true).call();
      g.commit().setMessage("catalog").setAuthor("t", "t@example.com").setSign(false).call();
      g.push().setRemote("origin").add("main").call();
    }
  }
}
