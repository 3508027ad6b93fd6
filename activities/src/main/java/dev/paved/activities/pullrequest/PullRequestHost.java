package dev.paved.activities.pullrequest;

import dev.paved.activities.support.RepoUrl;

/**
 * Where pull requests are opened: local branches plus records now, GitHub through hub4j later.
 * Every method is idempotent and touches only what was made for the given service.
 */
public interface PullRequestHost {

  /**
   * Opens the pull request (branch from the repository's default branch, the folder committed under
   * the target path), or adopts the open one made for the same service and brings its branch up to
   * date. Conflict when the branch or an open pull request on it belongs to someone else.
   */
  OpenedPullRequest open(PullRequestChange change);

  /**
   * Closes the open pull request on {@code branch} and deletes the branch, if they were opened for
   * {@code serviceKey} by the run {@code runId}; otherwise does nothing (a re-run that adopted
   * another run's pull request leaves it open).
   */
  void close(RepoUrl repository, String branch, String serviceKey, String runId);
}
