package dev.paved.activities.repository;

import dev.paved.activities.support.RepoUrl;
import java.util.Optional;

/**
 * Where services' repositories are hosted: local bare repositories now, GitHub through hub4j later.
 * Every method is idempotent and touches only what is marked with the given service.
 */
public interface RepositoryHost {

  /**
   * Creates the repository for the publication's service, or adopts the one made for it before, and
   * pushes the folder as the first commit of the branch when the branch does not exist yet.
   * Conflict when the repository exists and was not made for this service.
   */
  PublishedRepository publish(Publication publication);

  /**
   * The {@code remoteUrl} {@link #publish} gives the repository, computed without creating it (for
   * a dry run). GitHub's form unless the host knows better.
   */
  default String remoteUrl(RepoUrl repository) {
    return "https://" + repository.host() + "/" + repository.owner() + "/" + repository.repo();
  }

  /**
   * Deletes the repository if it is marked with {@code serviceKey} and was made by the run {@code
   * runId} (a re-run that adopted it leaves it alone); returns true when it did.
   */
  boolean deleteIfMadeBy(RepoUrl repository, String serviceKey, String runId);

  /**
   * A file of a repository at a branch, given the {@code repoContentsUrl} that {@link #publish}
   * returned ({@code <remoteUrl>/blob/<branch>}); empty when the repository, branch or file does
   * not exist. InvalidInput when the URL is not one of this host's.
   */
  Optional<String> readFile(String repoContentsUrl, String path);
}
