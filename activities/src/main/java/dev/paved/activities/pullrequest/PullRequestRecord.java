package dev.paved.activities.pullrequest;

import java.time.Instant;

/**
 * A local pull request: a branch of a local repository plus this record, which the API lists.
 *
 * @param base the branch the pull request asks to merge into
 * @param serviceKey the service it was opened for; only that service's run adopts or closes it
 * @param url the pull request's address in Paved's API
 */
public record PullRequestRecord(
    String owner,
    String repo,
    int number,
    String title,
    String description,
    String branch,
    String base,
    State state,
    String serviceKey,
    String runId,
    Instant createdAt,
    Instant closedAt,
    String url) {

  /** Whether the pull request is still open. */
  public enum State {
    OPEN,
    CLOSED
  }

  PullRequestRecord withNumber(int newNumber, String newUrl) {
    return new PullRequestRecord(
        owner,
        repo,
        newNumber,
        title,
        description,
        branch,
        base,
        state,
        serviceKey,
        runId,
        createdAt,
        closedAt,
        newUrl);
  }

  PullRequestRecord closed(Instant at) {
    return new PullRequestRecord(
        owner,
        repo,
        number,
        title,
        description,
        branch,
        base,
        State.CLOSED,
        serviceKey,
        runId,
        createdAt,
        at,
        url);
  }
}
