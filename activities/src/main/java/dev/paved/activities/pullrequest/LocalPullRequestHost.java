package dev.paved.activities.pullrequest;

import dev.paved.activities.git.FolderTree;
import dev.paved.activities.git.GitCommits;
import dev.paved.activities.git.LocalGitRepositories;
import dev.paved.activities.support.Effects;
import dev.paved.activities.support.RepoUrl;
import dev.paved.activities.support.StepFailures;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;

/**
 * Pull requests on the local git host: a branch of a bare repository plus a {@link
 * PullRequestRecord}. The GitOps repository is Paved's own and is made on first use.
 */
public final class LocalPullRequestHost implements PullRequestHost {

  private final LocalGitRepositories git;
  private final LocalPullRequests records;
  private final LocalGitopsRepository gitops;
  private final String publicBaseUrl;
  private final Clock clock;

  /** With the system clock. */
  public LocalPullRequestHost(
      LocalGitRepositories git,
      LocalPullRequests records,
      RepoUrl gitopsRepository,
      String publicBaseUrl) {
    this(git, records, gitopsRepository, publicBaseUrl, Clock.systemUTC());
  }

  /**
   * @param gitopsRepository the repository this host makes when it is missing
   * @param publicBaseUrl Paved's address, for example {@code http://localhost:8080}
   */
  public LocalPullRequestHost(
      LocalGitRepositories git,
      LocalPullRequests records,
      RepoUrl gitopsRepository,
      String publicBaseUrl,
      Clock clock) {
    this.git = git;
    this.records = records;
    this.gitops = new LocalGitopsRepository(git, gitopsRepository);
    this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
    this.clock = clock;
  }

  @Override
  public OpenedPullRequest open(PullRequestChange change) {
    RepoUrl url = change.repository();
    return records.locked(
        url.owner(),
        url.repo(),
        () -> {
          gitops.ensureExists(url);
          try (Repository repository =
              git.open(url.owner(), url.repo())
                  .orElseThrow(() -> StepFailures.invalidInput("not a git repository: " + url))) {
            return open(repository, change);
          }
        });
  }

  private OpenedPullRequest open(Repository repository, PullRequestChange change)
      throws IOException {
    RepoUrl url = change.repository();
    String name = url.owner() + "/" + url.repo();
    String base = GitCommits.defaultBranch(repository);
    if (change.branch().equals(base)) {
      throw StepFailures.invalidInput("the pull request's branch is the base branch: " + base);
    }
    ObjectId baseHead =
        GitCommits.head(repository, base)
            .orElseThrow(
                () -> StepFailures.invalidInput(name + " has no commit on its branch " + base));
    Optional<PullRequestRecord> open =
        records.openOnBranch(url.owner(), url.repo(), change.branch());
    if (open.isPresent() && !open.get().serviceKey().equals(change.serviceKey())) {
      throw StepFailures.conflict(
          "pull request #%d on branch %s of %s is open for service %s, not %s"
              .formatted(
                  open.get().number(),
                  change.branch(),
                  name,
                  open.get().serviceKey(),
                  change.serviceKey()));
    }
    pushBranch(repository, change, baseHead, name);
    if (open.isPresent()) {
      return new OpenedPullRequest(open.get().number(), open.get().url(), base, true);
    }
    PullRequestRecord draft =
        new PullRequestRecord(
            url.owner(),
            url.repo(),
            0,
            change.title(),
            change.description(),
            change.branch(),
            base,
            PullRequestRecord.State.OPEN,
            change.serviceKey(),
            change.runId(),
            clock.instant(),
            null,
            null);
    Effects.intend(change.effect());
    PullRequestRecord made = records.create(draft, number -> urlOf(url, number));
    Effects.made(change.effect());
    return new OpenedPullRequest(made.number(), made.url(), base, false);
  }

  /** Makes the branch from the base, or brings this service's branch up to date. */
  private static void pushBranch(
      Repository repository, PullRequestChange change, ObjectId baseHead, String name)
      throws IOException {
    String branch = change.branch();
    Optional<ObjectId> head = GitCommits.head(repository, branch);
    if (head.isPresent()) {
      Optional<String> service = GitCommits.serviceOfBranch(repository, head.get(), baseHead);
      if (!service.equals(Optional.of(change.serviceKey()))) {
        throw StepFailures.conflict(
            "branch %s of %s exists and was not made for service %s%s"
                .formatted(
                    branch,
                    name,
                    change.serviceKey(),
                    service.map(other -> " (it belongs to " + other + ")").orElse("")));
      }
    }
    ObjectId parent = head.orElse(baseHead);
    ObjectId parentTree = GitCommits.treeOf(repository, parent);
    ObjectId tree = FolderTree.write(repository, change.source(), parentTree, change.targetPath());
    if (head.isPresent() && tree.equals(parentTree)) {
      return; // the branch already holds this content
    }
    ObjectId commit =
        GitCommits.commit(
            repository, tree, parent, new PersonIdent("Paved", "paved@localhost"), message(change));
    Effects.intend(change.effect());
    if (GitCommits.moveBranch(repository, branch, head.orElse(null), commit)) {
      Effects.made(change.effect());
    } else {
      Effects.notMade(change.effect()); // another moved it first: this call moved nothing
      throw StepFailures.unavailable(
          "branch " + branch + " of " + name + " moved while Paved was updating it", null);
    }
  }

  static String message(PullRequestChange change) {
    String title = change.title().strip().replaceAll("\\s*\\R\\s*", " ");
    String body = change.description() == null ? "" : change.description().strip();
    return title
        + "\n\n"
        + (body.isEmpty() ? "" : body + "\n\n")
        + GitCommits.SERVICE_TRAILER
        + ": "
        + change.serviceKey()
        + "\n";
  }

  @Override
  public void close(RepoUrl url, String branch, String serviceKey, String runId) {
    records.locked(
        url.owner(),
        url.repo(),
        () -> {
          Optional<PullRequestRecord> open = records.openOnBranch(url.owner(), url.repo(), branch);
          if (open.isPresent()) {
            if (!open.get().serviceKey().equals(serviceKey) || !open.get().runId().equals(runId)) {
              return null; // another service's, or adopted from the run that opened it
            }
            records.save(open.get().closed(clock.instant()));
          }
          // Without an open record, a branch of this service is a leftover of a half-made step.
          Optional<Repository> opened = git.open(url.owner(), url.repo());
          if (opened.isPresent()) {
            try (Repository repository = opened.get()) {
              deleteBranchIfOwned(repository, branch, serviceKey);
            }
          }
          return null;
        });
  }

  private static void deleteBranchIfOwned(Repository repository, String branch, String serviceKey)
      throws IOException {
    String base = GitCommits.defaultBranch(repository);
    Optional<ObjectId> head = GitCommits.head(repository, branch);
    if (head.isEmpty() || branch.equals(base)) {
      return;
    }
    ObjectId baseHead = GitCommits.head(repository, base).orElse(null);
    if (GitCommits.serviceOfBranch(repository, head.get(), baseHead)
        .equals(Optional.of(serviceKey))) {
      GitCommits.deleteBranch(repository, branch);
    }
  }

  private String urlOf(RepoUrl url, int number) {
    return publicBaseUrl + "/api/v1/pull-requests/" + url.owner() + "/" + url.repo() + "/" + number;
  }
}
