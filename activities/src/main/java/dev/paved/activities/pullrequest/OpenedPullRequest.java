package dev.paved.activities.pullrequest;

/**
 * An open pull request as the template sees it.
 *
 * @param url the pull request's address
 * @param baseBranch the branch it targets
 * @param adopted true when it was open before this call
 */
public record OpenedPullRequest(int number, String url, String baseBranch, boolean adopted) {}
