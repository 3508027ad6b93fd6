package dev.paved.api.scorecards;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Collectors declaring the facts docs/scorecards.md lists, answering what a test put in. */
final class TestCollectors {

  private TestCollectors() {}

  static final List<FactDefinition> SHIPPED =
      List.of(
          new FactDefinition("oncall_annotated", FactType.BOOL, "on-call annotation"),
          new FactDefinition("oncall_live", FactType.BOOL, "someone on call"),
          new FactDefinition("readme_has_runbook", FactType.BOOL, "README runbook"),
          new FactDefinition("coverage_line_percent", FactType.DOUBLE, "line coverage"),
          new FactDefinition("endpoints_total", FactType.INT, "operations"),
          new FactDefinition("endpoints_without_slo", FactType.INT, "operations without SLO"),
          new FactDefinition("critical_cves", FactType.INT, "critical CVEs"),
          new FactDefinition("last_deployed_at", FactType.TIMESTAMP, "last deployment"),
          new FactDefinition("language", FactType.STRING, "main language"));

  /** A collector of the shipped facts whose answers are what {@link #facts} holds (or unknown). */
  static final class Fixed implements FactCollector {
    final Map<String, Object> facts = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public String id() {
      return "test";
    }

    @Override
    public List<FactDefinition> facts() {
      return SHIPPED;
    }

    @Override
    public List<Fact> collect(String entityRef, Map<String, Object> entity) {
      List<Fact> out = new ArrayList<>();
      Instant now = Instant.now();
      for (FactDefinition d : SHIPPED) {
        Object value = facts.get(d.name());
        out.add(
            value == null
                ? Fact.unknown(d.name(), "no source", now)
                : Fact.known(d.name(), value, "test:" + d.name(), null, now));
      }
      return out;
    }
  }

  static ScorecardRegistry registry(java.nio.file.Path folder) {
    return new ScorecardRegistry(folder, List.of(new Fixed()));
  }
}
