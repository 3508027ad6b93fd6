package dev.paved.api.scorecards;

import java.util.List;
import java.util.Map;

/**
 * Reads facts about catalog entities from the formats teams already produce. Each collector is a
 * Spring bean; its facts are the only names rule expressions may use (a rule naming any other is
 * refused at load).
 */
public interface FactCollector {

  /** Stable id ({@code coverage}); names its schedule and its collection workflow. */
  String id();

  /** The facts it provides, each with its type. */
  List<FactDefinition> facts();

  /**
   * One entity's facts, every fact of {@link #facts()} present (unknown where its source is
   * missing). Throws only for a failure worth retrying (a source that did not answer).
   *
   * @param entityRef {@code component:default/payments}
   * @param entity the entity as stored in the catalog (apiVersion, kind, metadata, spec)
   */
  List<Fact> collect(String entityRef, Map<String, Object> entity);
}
