package dev.paved.workflows.scorecards;

import java.util.List;

/**
 * What collecting for a batch of entities did.
 *
 * @param recorded entities whose facts were collected and recorded
 * @param changed facts whose value changed, over the batch
 * @param unanswered entities a source did not answer for: tried again, one by one, with retries
 */
public record CollectionBatch(int recorded, int changed, List<String> unanswered) {

  public CollectionBatch {
    unanswered = unanswered == null ? List.of() : List.copyOf(unanswered);
  }
}
