package dev.paved.activities.git;

/**
 * What a repository Paved makes is marked with: the service it belongs to, or for Paved's own
 * repositories (the local GitOps repository) a role and no service.
 */
public record RepositoryMarker(String owner, String repo, String serviceKey, String role) {

  public static RepositoryMarker forService(String owner, String repo, String serviceKey) {
    return new RepositoryMarker(owner, repo, serviceKey, null);
  }

  public static RepositoryMarker forPaved(String owner, String repo, String role) {
    return new RepositoryMarker(owner, repo, null, role);
  }
}
