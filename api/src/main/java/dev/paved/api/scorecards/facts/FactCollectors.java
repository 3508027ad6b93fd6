package dev.paved.api.scorecards.facts;

import dev.paved.api.scorecards.Fact;
import dev.paved.api.scorecards.FactCollector;
import dev.paved.api.scorecards.FactDefinition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The collectors by id; a collector's answer made whole (every fact it declares, none other). */
@Component
public class FactCollectors {

  private final Map<String, FactCollector> byId = new LinkedHashMap<>();

  FactCollectors(List<FactCollector> collectors) {
    for (FactCollector collector : collectors) {
      FactCollector before = byId.putIfAbsent(collector.id(), collector);
      if (before != null) {
        throw new IllegalStateException("two fact collectors with the id " + collector.id());
      }
    }
  }

  /** The ids, in order. */
  public List<String> ids() {
    return List.copyOf(byId.keySet());
  }

  public Optional<FactCollector> find(String id) {
    return Optional.ofNullable(id == null ? null : byId.get(id));
  }

  /**
   * The collector's facts of one entity, each declared fact once: one it left out is unknown, one
   * it does not declare is dropped.
   */
  static List<Fact> collect(FactCollector collector, String ref, Map<String, Object> entity) {
    Map<String, Fact> answered = new LinkedHashMap<>();
    for (Fact fact : collector.collect(ref, entity)) {
      answered.putIfAbsent(fact.name(), fact);
    }
    List<Fact> facts = new ArrayList<>();
    for (FactDefinition definition : collector.facts()) {
      Fact fact = answered.get(definition.name());
      facts.add(
          fact != null
              ? fact
              : Fact.unknown(definition.name(), "the collector did not say", Instant.now()));
    }
    return facts;
  }
}
