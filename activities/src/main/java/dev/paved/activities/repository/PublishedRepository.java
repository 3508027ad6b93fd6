package dev.paved.activities.repository;

/**
 * A published repository as the template sees it.
 *
 * @param remoteUrl a URL {@code git clone} accepts
 * @param repoContentsUrl {@code <remoteUrl>/blob/<branch>}
 * @param commitHash the branch's commit after publishing
 * @param adopted true when the repository or branch was there before this call
 */
public record PublishedRepository(
    String remoteUrl, String repoContentsUrl, String commitHash, boolean adopted) {}
