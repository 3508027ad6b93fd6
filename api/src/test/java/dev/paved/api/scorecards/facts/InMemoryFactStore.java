package dev.paved.api.scorecards.facts;

import dev.paved.api.scorecards.Fact;
import dev.paved.api.scorecards.FactStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A fact store in memory, for tests of the collectors on a branch without the real one: keeps every
 * recording and the latest fact of each name, as the contract says (unchanged facts add nothing).
 */
public final class InMemoryFactStore implements FactStore {

  /** One call of {@link #record}. */
  public record Recording(String entityRef, String collector, List<Fact> facts) {}

  private final List<Recording> recordings = new ArrayList<>();
  private final Map<String, Map<String, Fact>> latest = new LinkedHashMap<>();

  @Override
  public synchronized List<String> record(String entityRef, String collector, List<Fact> facts) {
    recordings.add(new Recording(entityRef, collector, List.copyOf(facts)));
    Map<String, Fact> known = latest.computeIfAbsent(entityRef, k -> new LinkedHashMap<>());
    List<String> changed = new ArrayList<>();
    for (Fact fact : facts) {
      Fact before = known.get(fact.name());
      if (before == null
          || !Objects.equals(before.value(), fact.value())
          || !Objects.equals(before.source(), fact.source())
          || !Objects.equals(before.detail(), fact.detail())) {
        changed.add(fact.name());
      }
      known.put(fact.name(), fact);
    }
    return changed;
  }

  @Override
  public synchronized Map<String, Fact> latest(String entityRef) {
    return Map.copyOf(latest.getOrDefault(entityRef, Map.of()));
  }

  public synchronized List<Recording> recordings() {
    return List.copyOf(recordings);
  }

  /** How many times {@code collector} recorded facts of the entity. */
  public synchronized long recorded(String entityRef, String collector) {
    return recordings.stream()
        .filter(r -> r.entityRef().equals(entityRef) && r.collector().equals(collector))
        .count();
  }
}
