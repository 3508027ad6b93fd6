package dev.paved.api.scorecards;

import java.util.List;
import java.util.Map;

/**
 * Where collected facts are kept, with their history: a fact whose value, source or detail is
 * unchanged adds no row; a changed one adds one and re-evaluates the entity's scorecards.
 */
public interface FactStore {

  /** Keeps what {@code collector} observed of {@code entityRef}; returns the changed names. */
  List<String> record(String entityRef, String collector, List<Fact> facts);

  /** The newest value of each fact known for the entity (name to fact). */
  Map<String, Fact> latest(String entityRef);
}
