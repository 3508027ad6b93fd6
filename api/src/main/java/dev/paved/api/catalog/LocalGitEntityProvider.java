package dev.paved.api.catalog;

import dev.paved.activities.git.GitCommits;
import dev.paved.activities.git.LocalGitRepositories;
import dev.paved.activities.git.RepositoryAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * {@code url} locations in local mode's bare repositories ({@code <remote>/blob/<branch>/<path>}),
 * read with JGit. The version is the branch's commit id: while the branch has not moved, the file
 * is not read again.
 */
final class LocalGitEntityProvider implements EntityProvider {

  private static final String BLOB = "/blob/";

  private final LocalGitRepositories git;

  LocalGitEntityProvider(LocalGitRepositories git) {
    this.git = git;
  }

  @Override
  public boolean reads(String type, String target) {
    return "url".equals(type) && address(target).isPresent();
  }

  @Override
  public Read read(String target, String lastVersion) {
    RepositoryAddress address =
        address(target)
            .orElseThrow(() -> new IllegalArgumentException("not a local repository: " + target));
    String rest = address.rest().substring(BLOB.length());
    int slash = rest.indexOf('/');
    if (slash <= 0 || slash == rest.length() - 1) {
      throw new IllegalArgumentException("no file named in " + target);
    }
    String branch = rest.substring(0, slash);
    String path = rest.substring(slash + 1);
    if (!Repository.isValidRefName("refs/heads/" + branch)) {
      throw new IllegalArgumentException("not a branch name: " + branch);
    }
    Optional<Repository> opened = git.open(address.owner(), address.repo());
    if (opened.isEmpty()) {
      return Read.of(Optional.empty());
    }
    try (Repository repository = opened.get()) {
      Optional<ObjectId> head = GitCommits.head(repository, branch);
      if (head.isEmpty()) {
        return Read.of(Optional.empty());
      }
      String commit = head.get().name();
      if (commit.equals(lastVersion)) {
        return Read.unchanged(commit);
      }
      Optional<String> text = GitCommits.readFile(repository, head.get(), path);
      return new Read(text, text.isPresent() ? commit : null, false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String resolve(String base, String relative) {
    return UrlEntityProvider.relativeTo(base, relative);
  }

  private Optional<RepositoryAddress> address(String target) {
    return git.parse(target).filter(a -> a.rest().startsWith(BLOB));
  }
}
