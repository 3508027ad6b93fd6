package dev.paved.api.scorecards;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The latest evaluation of each entity a scorecard grades; initiatives and summaries read it. */
public interface Scores {

  /** The scorecard's levels, lowest first; empty when no such scorecard is loaded. */
  List<String> levels(String scorecardId);

  /** The ids of the scorecard's rules as loaded; empty when no such scorecard is loaded. */
  Set<String> ruleIds(String scorecardId);

  /**
   * The latest score of every entity the scorecard grades that also matches {@code filter}
   * (Backstage's catalog filter; empty for all).
   */
  List<EntityScore> latest(String scorecardId, List<String> filter);

  /**
   * One entity's latest score.
   *
   * @param level the highest level held, or null for none
   * @param results rule id to {@code pass}, {@code fail}, {@code unknown} or {@code waived}
   */
  record EntityScore(String entityRef, String owner, String level, Map<String, String> results) {}
}
