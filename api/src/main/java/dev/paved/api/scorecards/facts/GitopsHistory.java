package dev.paved.api.scorecards.facts;

import dev.paved.activities.git.GitCommits;
import dev.paved.activities.git.LocalGitRepositories;
import dev.paved.activities.github.GithubConnection;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.kohsuke.github.GHCommit;

/**
 * The newest commit touching a folder on the default branch of the GitOps repository (what the pull
 * request step changes): in local mode's bare repository with JGit, else on GitHub.
 */
final class GitopsHistory {

  /**
   * The newest change of a folder.
   *
   * @param at when it was committed, or null when the folder has no history
   * @param commit its id
   * @param source {@code gitops:<owner>/<repo>@<branch>:<folder>}
   */
  record Change(Instant at, String commit, String source) {}

  private final String owner;
  private final String repo;
  private final LocalGitRepositories git;
  private final GithubConnection github; // null in local mode

  GitopsHistory(String owner, String repo, LocalGitRepositories git, GithubConnection github) {
    this.owner = owner;
    this.repo = repo;
    this.git = git;
    this.github = github;
  }

  String repository() {
    return owner + "/" + repo;
  }

  /** The newest change of the folder; empty when the repository does not exist. */
  Optional<Change> newest(String folder) {
    return github == null ? local(folder) : onGithub(folder);
  }

  private Optional<Change> local(String folder) {
    Optional<Repository> opened = git.open(owner, repo);
    if (opened.isEmpty()) {
      return Optional.empty();
    }
    try (Repository repository = opened.get();
        Git g = Git.wrap(repository)) {
      String branch = GitCommits.defaultBranch(repository);
      Optional<ObjectId> head = GitCommits.head(repository, branch);
      String source = "gitops:" + repository() + "@" + branch + ":" + folder;
      if (head.isEmpty()) {
        return Optional.of(new Change(null, null, source));
      }
      Iterator<RevCommit> log =
          g.log().add(head.get()).addPath(folder).setMaxCount(1).call().iterator();
      if (!log.hasNext()) {
        return Optional.of(new Change(null, null, source));
      }
      RevCommit commit = log.next();
      return Optional.of(
          new Change(commit.getCommitterIdent().getWhenAsInstant(), commit.name(), source));
    } catch (IOException | GitAPIException e) {
      throw new SourceUnanswered(
          "the GitOps repository could not be read: " + e.getMessage(), null);
    }
  }

  private Optional<Change> onGithub(String folder) {
    try {
      var repository = github.api().getRepository(repository());
      String branch = repository.getDefaultBranch();
      String source = "gitops:" + repository() + "@" + branch + ":" + folder;
      Iterator<GHCommit> commits =
          repository.queryCommits().path(folder).from(branch).pageSize(1).list().iterator();
      if (!commits.hasNext()) {
        return Optional.of(new Change(null, null, source));
      }
      GHCommit commit = commits.next();
      return Optional.of(new Change(commit.getCommitDate().toInstant(), commit.getSHA1(), source));
    } catch (FileNotFoundException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new SourceUnanswered("GitHub did not answer for the GitOps history", null);
    }
  }
}
