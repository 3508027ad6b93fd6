package dev.paved.api.scorecards.facts;

import java.time.Duration;

/**
 * A source that did not answer (a timeout, a 5xx, a rate limit): the collection is worth retrying,
 * after {@link #retryAfter()} when the source said when. Its message never holds a credential.
 */
public class SourceUnanswered extends RuntimeException {

  private final transient Duration retryAfter;

  public SourceUnanswered(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  /** When the source asked to be asked again, or null. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
