package dev.paved.api.scorecards;

import java.util.List;

/** Published after the fact store kept a change of an entity's facts; evaluation listens. */
public record FactsChanged(String entityRef, List<String> names) {}
