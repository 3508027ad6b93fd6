package dev.paved.activities.repository;

import dev.paved.activities.git.FolderTree;
import dev.paved.activities.git.GitCommits;
import dev.paved.activities.git.LocalGitRepositories;
import dev.paved.activities.git.RepositoryAddress;
import dev.paved.activities.git.RepositoryMarker;
import dev.paved.activities.support.Effects;
import dev.paved.activities.support.RepoUrl;
import dev.paved.activities.support.StepFailures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;

/** Services' repositories as bare git repositories under Paved's data folder (local mode). */
public final class LocalRepositoryHost implements RepositoryHost {

  private static final String BLOB = "/blob/";

  private final LocalGitRepositories git;
  private final ReservedRepositories reserved;

  public LocalRepositoryHost(LocalGitRepositories git) {
    this(git, List.of());
  }

  /** {@code reserved}: Paved's own repositories (the GitOps one), which no service may take. */
  public LocalRepositoryHost(LocalGitRepositories git, List<RepoUrl> reserved) {
    this.git = git;
    this.reserved = new ReservedRepositories(reserved);
  }

  @Override
  public PublishedRepository publish(Publication publication) {
    RepoUrl url = publication.repository();
    String name = url.owner() + "/" + url.repo();
    reserved.refuse(url);
    String effect = "local repository " + name;
    Effects.intend(effect);
    boolean created =
        git.createIfAbsent(
            RepositoryMarker.forService(
                url.owner(), url.repo(), publication.serviceKey(), publication.runId()),
            publication.defaultBranch(),
            publication.description());
    Optional<String> marker = git.serviceMarker(url.owner(), url.repo());
    if (!marker.equals(Optional.of(publication.serviceKey()))) {
      Effects.notMade(effect);
      throw StepFailures.conflict(
          "repository "
              + name
              + " already exists and was not made by Paved for service "
              + publication.serviceKey()
              + marker.map(other -> " (it belongs to " + other + ")").orElse(""));
    }
    if (created) {
      Effects.made(effect);
    }
    try (Repository repository = git.open(url.owner(), url.repo()).orElseThrow()) {
      String branch = publication.defaultBranch();
      Optional<ObjectId> head = GitCommits.head(repository, branch);
      ObjectId commit = head.isPresent() ? head.get() : pushFirstCommit(repository, publication);
      GitCommits.adoptHeadIfUnborn(repository, branch);
      String remoteUrl = git.remoteUrl(url.owner(), url.repo());
      return new PublishedRepository(
          remoteUrl, remoteUrl + BLOB + branch, commit.name(), !created || head.isPresent());
    } catch (IOException e) {
      throw StepFailures.unavailable("cannot publish to repository " + name, e);
    }
  }

  /** The folder as the branch's first commit; if another attempt got there first, its commit. */
  private static ObjectId pushFirstCommit(Repository repository, Publication publication)
      throws IOException {
    ObjectId tree = FolderTree.write(repository, publication.source(), null, "");
    PersonIdent author = new PersonIdent(publication.author().name(), publication.author().email());
    ObjectId commit =
        GitCommits.commit(repository, tree, null, author, publication.commitMessage());
    String branch = publication.defaultBranch();
    if (GitCommits.moveBranch(repository, branch, null, commit)) {
      return commit;
    }
    return GitCommits.head(repository, branch)
        .orElseThrow(() -> new IOException("branch " + branch + " moved and vanished"));
  }

  @Override
  public String remoteUrl(RepoUrl repository) {
    return git.remoteUrl(repository.owner(), repository.repo());
  }

  @Override
  public boolean deleteIfMadeBy(RepoUrl repository, String serviceKey, String runId) {
    return git.deleteIfMarked(repository.owner(), repository.repo(), serviceKey, runId);
  }

  @Override
  public Optional<String> readFile(String repoContentsUrl, String path) {
    RepositoryAddress address =
        git.parse(repoContentsUrl)
            .filter(a -> a.rest().startsWith(BLOB) && a.rest().length() > BLOB.length())
            .orElseThrow(
                () ->
                    StepFailures.invalidInput(
                        "not a repository contents URL of the local git host: " + repoContentsUrl));
    String branch = address.rest().substring(BLOB.length());
    if (!Repository.isValidRefName("refs/heads/" + branch)) {
      throw StepFailures.invalidInput("not a branch name: " + branch);
    }
    Optional<Repository> opened = git.open(address.owner(), address.repo());
    if (opened.isEmpty()) {
      return Optional.empty();
    }
    try (Repository repository = opened.get()) {
      Optional<ObjectId> head = GitCommits.head(repository, branch);
      return head.isEmpty() ? Optional.empty() : GitCommits.readFile(repository, head.get(), path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
