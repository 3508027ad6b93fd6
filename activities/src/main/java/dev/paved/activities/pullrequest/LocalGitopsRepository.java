package dev.paved.activities.pullrequest;

import dev.paved.activities.git.GitCommits;
import dev.paved.activities.git.LocalGitRepositories;
import dev.paved.activities.git.RepositoryMarker;
import dev.paved.activities.support.RepoUrl;
import dev.paved.activities.support.StepFailures;
import java.io.IOException;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;

/**
 * The local stand-in for the organisation's GitOps repository: Paved's own (marked with a role, no
 * service), made with a README on {@code main} the first time a pull request needs it.
 */
final class LocalGitopsRepository {

  static final String README =
      """
      # GitOps

      The local stand-in for the organisation's GitOps repository. Paved opens a pull request \
      here (a branch plus a record) for each service it creates: manifests, dashboards and \
      infrastructure, reviewed before they are deployed.
      """;

  static final String ROLE = "gitops";

  private final LocalGitRepositories git;
  private final RepoUrl repository;

  LocalGitopsRepository(LocalGitRepositories git, RepoUrl repository) {
    this.git = git;
    this.repository = repository;
  }

  /**
   * Makes {@code url} if it is the GitOps repository and missing (or has no {@code main} yet);
   * InvalidInput when another repository is missing, since only GitOps is Paved's to make here.
   */
  void ensureExists(RepoUrl url) throws IOException {
    boolean gitops = url.owner().equals(repository.owner()) && url.repo().equals(repository.repo());
    if (!gitops) {
      if (!git.exists(url.owner(), url.repo())) {
        throw StepFailures.invalidInput(
            "no repository " + url.owner() + "/" + url.repo() + " on the local git host");
      }
      return;
    }
    git.createIfAbsent(
        RepositoryMarker.forPaved(url.owner(), url.repo(), ROLE),
        "main",
        "Local stand-in for the organisation's GitOps repository");
    if (!git.roleMarker(url.owner(), url.repo()).equals(Optional.of(ROLE))
        || git.serviceMarker(url.owner(), url.repo()).isPresent()) {
      // Never open pull requests in (or let a rollback delete) a repository that only has the name.
      throw StepFailures.conflict(
          "repository "
              + url.owner()
              + "/"
              + url.repo()
              + " exists but is not Paved's GitOps repository");
    }
    try (Repository opened = git.open(url.owner(), url.repo()).orElseThrow()) {
      if (GitCommits.head(opened, "main").isEmpty()
          && GitCommits.defaultBranch(opened).equals("main")) {
        ObjectId tree = GitCommits.singleFileTree(opened, "README.md", README);
        PersonIdent paved = new PersonIdent("Paved", "paved@localhost");
        ObjectId commit =
            GitCommits.commit(opened, tree, null, paved, "Start the GitOps repository\n");
        GitCommits.moveBranch(opened, "main", null, commit); // false: another run made it first
      }
    }
  }
}
