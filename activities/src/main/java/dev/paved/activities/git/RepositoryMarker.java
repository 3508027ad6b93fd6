package dev.paved.activities.git;

/**
 * What a repository Paved makes is marked with: the service it belongs to and the run that made it,
 * or for Paved's own repositories (the local GitOps repository) a role and no service. A run of the
 * same service adopts the repository; only the run that made it may delete it.
 */
public record RepositoryMarker(
    String owner, String repo, String serviceKey, String runId, String role) {

  public static RepositoryMarker forService(
      String owner, String repo, String serviceKey, String runId) {
    return new RepositoryMarker(owner, repo, serviceKey, runId, null);
  }

  public static RepositoryMarker forPaved(String owner, String repo, String role) {
    return new RepositoryMarker(owner, repo, null, null, role);
  }
}
