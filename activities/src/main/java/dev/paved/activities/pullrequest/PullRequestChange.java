package dev.paved.activities.pullrequest;

import dev.paved.activities.support.RepoUrl;
import java.nio.file.Path;

/**
 * What {@code publish:github:pull-request} asks the host for.
 *
 * @param source the folder whose files the pull request adds
 * @param targetPath where they go in the repository, "" for its root
 */
public record PullRequestChange(
    RepoUrl repository,
    String serviceKey,
    String runId,
    String branch,
    String title,
    String description,
    Path source,
    String targetPath) {

  /** The name the step reports for its branch and pull request ({@code Effects}). */
  public String effect() {
    return "pull request from " + branch + " on " + repository;
  }
}
