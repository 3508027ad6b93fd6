package dev.paved.workflows.scorecards;

/**
 * A collection asked for (through the API, or a completed run).
 *
 * @param entityRef the entity to collect for, or null for every entity the collector covers
 */
public record CollectionRequest(String entityRef) {

  public static CollectionRequest all() {
    return new CollectionRequest(null);
  }
}
