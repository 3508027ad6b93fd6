package dev.paved.activities.repository;

import dev.paved.activities.support.RepoUrl;
import java.nio.file.Path;

/**
 * What {@code publish:github} asks the host for.
 *
 * @param serviceKey the service the repository is for; a run of the same service adopts it
 * @param runId the run publishing; only the run that made the repository deletes it
 * @param source the folder whose files become the first commit
 * @param settings visibility, topics, admin team and branch protection (hosts that have them)
 */
public record Publication(
    RepoUrl repository,
    String serviceKey,
    String runId,
    String description,
    String defaultBranch,
    Path source,
    String commitMessage,
    CommitAuthor author,
    RepositorySettings settings) {

  /** With Backstage's default settings. */
  public Publication(
      RepoUrl repository,
      String serviceKey,
      String runId,
      String description,
      String defaultBranch,
      Path source,
      String commitMessage,
      CommitAuthor author) {
    this(
        repository,
        serviceKey,
        runId,
        description,
        defaultBranch,
        source,
        commitMessage,
        author,
        RepositorySettings.DEFAULTS);
  }
}
