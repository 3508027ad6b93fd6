package dev.paved.workflows.scorecards;

import java.util.List;

/**
 * What a collector's workflow starts (or continues) with.
 *
 * @param collector the collector's id
 * @param intervalMillis the schedule (0: only when asked)
 * @param turnsPerRun turns before the workflow continues as new, so its history stays short
 * @param collectFirst collect for every entity at once (a fresh start), rather than after a timer
 * @param pending requests not served yet, carried over a continue-as-new
 */
public record CollectionInput(
    String collector,
    long intervalMillis,
    int turnsPerRun,
    boolean collectFirst,
    List<CollectionRequest> pending) {

  public CollectionInput {
    pending = pending == null ? List.of() : List.copyOf(pending);
  }
}
