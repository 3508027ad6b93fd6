package dev.paved.activities.pullrequest;

import dev.paved.activities.github.GithubConnection;
import dev.paved.activities.github.GithubFailures;
import dev.paved.activities.github.GithubGitData;
import dev.paved.activities.github.GithubMarker;
import dev.paved.activities.support.Effects;
import dev.paved.activities.support.RepoUrl;
import dev.paved.activities.support.StepFailures;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import org.kohsuke.github.GHCompare;
import org.kohsuke.github.GHException;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHRef;
import org.kohsuke.github.GHRepository;

/**
 * Pull requests on GitHub: a branch from the repository's default branch with one commit of the
 * change (Git Data API), and the pull request, whose body links the run and carries the hidden
 * marker {@code <!-- paved:service=... run=... -->}; the commit carries {@code Paved-Service} and
 * {@code Paved-Run} trailers.
 */
public final class GithubPullRequestHost implements PullRequestHost {

  private final GithubConnection github;
  private final RepoUrl gitopsRepository;
  private final String publicBaseUrl;

  /**
   * @param gitopsRepository the repository {@code PAVED_GITOPS_REPO} names, for error messages
   * @param publicBaseUrl Paved's address, for the link to the run in the pull request's body
   */
  public GithubPullRequestHost(
      GithubConnection github, RepoUrl gitopsRepository, String publicBaseUrl) {
    this.github = github;
    this.gitopsRepository = gitopsRepository;
    this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
  }

  @Override
  public OpenedPullRequest open(PullRequestChange change) {
    RepoUrl url = change.repository();
    String name = url.owner() + "/" + url.repo();
    try {
      GHRepository repo = repository(url);
      String base = repo.getDefaultBranch();
      if (change.branch().equals(base)) {
        throw StepFailures.invalidInput("the pull request's branch is the base branch: " + base);
      }
      String baseHead =
          GithubGitData.branch(repo, base)
              .orElseThrow(
                  () -> StepFailures.invalidInput(name + " has no commit on its branch " + base))
              .getObject()
              .getSha();
      GithubMarker marker = new GithubMarker(change.serviceKey(), change.runId());
      Optional<GHPullRequest> open = openOnBranch(repo, url.owner(), change.branch());
      if (open.isPresent()) {
        Optional<GithubMarker> theirs = GithubMarker.fromBody(open.get().getBody());
        if (theirs.isEmpty() || !theirs.get().isFor(change.serviceKey())) {
          throw StepFailures.conflict(
              "pull request #%d on branch %s of %s is open for %s, not for service %s"
                  .formatted(
                      open.get().getNumber(),
                      change.branch(),
                      name,
                      theirs.map(m -> "service " + m.serviceKey()).orElse("someone else"),
                      change.serviceKey()));
        }
      }
      pushBranch(repo, change, base, baseHead, marker);
      if (open.isPresent()) {
        return new OpenedPullRequest(
            open.get().getNumber(), open.get().getHtmlUrl().toString(), base, true);
      }
      GHPullRequest made = create(repo, change, base, marker);
      return new OpenedPullRequest(made.getNumber(), made.getHtmlUrl().toString(), base, false);
    } catch (IOException e) {
      throw GithubFailures.of("opening a pull request in " + name, e, github.clock().instant());
    } catch (GHException e) {
      throw GithubFailures.of(
          "opening a pull request in " + name, GithubFailures.unwrap(e), github.clock().instant());
    }
  }

  /** {@code GET /repos/{o}/{r}}; InvalidInput when it is not there (naming PAVED_GITOPS_REPO). */
  private GHRepository repository(RepoUrl url) throws IOException {
    String name = url.owner() + "/" + url.repo();
    try {
      return github.api().getRepository(name);
    } catch (IOException e) {
      if (!GithubFailures.notFound(e)) {
        throw e;
      }
      boolean gitops =
          url.owner().equals(gitopsRepository.owner())
              && url.repo().equals(gitopsRepository.repo());
      throw StepFailures.invalidInput(
          gitops
              ? "the GitOps repository "
                  + name
                  + " (PAVED_GITOPS_REPO) does not exist on "
                  + github.webUrl()
                  + " or Paved's credentials cannot see it"
              : "no repository " + name + " on " + github.webUrl() + " that Paved can see");
    }
  }

  /** {@code GET /repos/{o}/{r}/pulls?state=open&head={owner}:{branch}}. */
  private static Optional<GHPullRequest> openOnBranch(
      GHRepository repo, String owner, String branch) throws IOException {
    List<GHPullRequest> open =
        repo.queryPullRequests()
            .state(GHIssueState.OPEN)
            .head(owner + ":" + branch)
            .list()
            .withPageSize(10)
            .toList();
    return open.stream().findFirst();
  }

  /** Makes the branch from the base, or brings this service's branch up to date. */
  private void pushBranch(
      GHRepository repo,
      PullRequestChange change,
      String base,
      String baseHead,
      GithubMarker marker)
      throws IOException {
    String branch = change.branch();
    Optional<GHRef> ref = GithubGitData.branch(repo, branch);
    if (ref.isPresent()) {
      Optional<String> service = serviceOfBranch(repo, base, branch);
      if (!service.equals(Optional.of(change.serviceKey()))) {
        throw StepFailures.conflict(
            "branch %s of %s exists and was not made for service %s%s"
                .formatted(
                    branch,
                    repo.getFullName(),
                    change.serviceKey(),
                    service.map(other -> " (it belongs to " + other + ")").orElse("")));
      }
    }
    String parent = ref.map(r -> r.getObject().getSha()).orElse(baseHead);
    String parentTree = repo.getCommit(parent).getCommitShortInfo().getTreeSHA1();
    String tree = GithubGitData.writeTree(repo, change.source(), parentTree, change.targetPath());
    if (ref.isPresent() && tree.equals(parentTree)) {
      return; // the branch already holds this content
    }
    String commit =
        GithubGitData.commit(
            repo,
            tree,
            parent,
            message(change, marker),
            "Paved",
            "paved@localhost",
            github.clock().instant());
    Effects.intend(change.effect());
    try {
      if (ref.isPresent()) {
        ref.get().updateTo(commit, false);
      } else {
        repo.createRef("refs/heads/" + branch, commit);
      }
      Effects.made(change.effect());
    } catch (IOException e) {
      if (refusedWithoutMaking(e)) {
        Effects.notMade(change.effect());
      }
      if (GithubFailures.status(e) != 422) {
        throw e;
      }
      throw StepFailures.unavailable(
          "branch " + branch + " of " + repo.getFullName() + " moved while Paved was updating it",
          e);
    }
  }

  /** The newest {@code Paved-Service} trailer among the branch's commits that the base lacks. */
  private static Optional<String> serviceOfBranch(GHRepository repo, String base, String branch)
      throws IOException {
    GHCompare.Commit[] commits = repo.getCompare(base, branch).getCommits();
    for (int i = commits.length - 1; i >= 0; i--) {
      Optional<String> service = GithubMarker.serviceOfCommit(commits[i].getCommit().getMessage());
      if (service.isPresent()) {
        return service;
      }
    }
    return Optional.empty();
  }

  /** {@code POST /repos/{o}/{r}/pulls}; a 422 (one was opened meanwhile) is retried to adopt it. */
  private GHPullRequest create(
      GHRepository repo, PullRequestChange change, String base, GithubMarker marker)
      throws IOException {
    Effects.intend(change.effect());
    try {
      GHPullRequest made =
          repo.createPullRequest(change.title(), change.branch(), base, body(change, marker));
      Effects.made(change.effect());
      return made;
    } catch (IOException e) {
      if (refusedWithoutMaking(e)) {
        Effects.notMade(change.effect()); // no-op once this call pushed the branch: it is made
      }
      if (GithubFailures.status(e) != 422
          || !String.valueOf(e.getMessage()).contains("already exists")) {
        throw e;
      }
      throw StepFailures.unavailable(
          "a pull request on " + change.branch() + " was opened while Paved was opening one", e);
    }
  }

  /** GitHub refused the call (4xx, 429, 503) or was never reached: nothing was made. */
  private static boolean refusedWithoutMaking(IOException e) {
    int status = GithubFailures.status(e);
    return status > 0
        ? Effects.refusedWithoutMaking(status)
        : e instanceof ConnectException || e instanceof UnknownHostException;
  }

  private String body(PullRequestChange change, GithubMarker marker) {
    String description = change.description() == null ? "" : change.description().strip();
    return (description.isEmpty() ? "" : description + "\n\n")
        + "---\nOpened by Paved for service `%s` in run [%s](%s/api/v1/runs/%s).\n%s\n"
            .formatted(
                change.serviceKey(),
                change.runId(),
                publicBaseUrl,
                change.runId(),
                marker.comment());
  }

  static String message(PullRequestChange change, GithubMarker marker) {
    String title = change.title().strip().replaceAll("\\s*\\R\\s*", " ");
    String body = change.description() == null ? "" : change.description().strip();
    return title + "\n\n" + (body.isEmpty() ? "" : body + "\n\n") + marker.trailers();
  }

  @Override
  public void close(RepoUrl url, String branch, String serviceKey, String runId) {
    String name = url.owner() + "/" + url.repo();
    try {
      GHRepository repo;
      try {
        repo = github.api().getRepository(name);
      } catch (IOException e) {
        if (GithubFailures.notFound(e)) {
          return;
        }
        throw e;
      }
      Optional<GHPullRequest> open = openOnBranch(repo, url.owner(), branch);
      if (open.isPresent()) {
        Optional<GithubMarker> marker = GithubMarker.fromBody(open.get().getBody());
        if (marker.isEmpty() || !marker.get().madeBy(serviceKey, runId)) {
          return; // another service's, or adopted from the run that opened it
        }
        open.get().close();
      }
      // Without an open pull request, a branch of this service is a leftover of a half-made step.
      String base = repo.getDefaultBranch();
      Optional<GHRef> ref = GithubGitData.branch(repo, branch);
      if (ref.isPresent()
          && !branch.equals(base)
          && serviceOfBranch(repo, base, branch).equals(Optional.of(serviceKey))) {
        ref.get().delete();
      }
    } catch (IOException e) {
      throw GithubFailures.of(
          "closing the pull request on " + branch + " of " + name, e, github.clock().instant());
    } catch (GHException e) {
      throw GithubFailures.of(
          "closing the pull request on " + branch + " of " + name,
          GithubFailures.unwrap(e),
          github.clock().instant());
    }
  }
}
