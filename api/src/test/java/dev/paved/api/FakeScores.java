package dev.paved.api;

import dev.paved.api.scorecards.Scores;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The latest scores as a test sets them: one scorecard, {@code production-readiness}, with three
 * rules, and whatever entity scores the test puts in {@link #entities}. Stands in for the
 * evaluation, which another part of Paved owns; the filter is not applied (every entity matches).
 */
public class FakeScores implements Scores {

  public static final String SCORECARD = "production-readiness";
  public static final List<String> LEVELS = List.of("Bronze", "Silver", "Gold");
  public static final Set<String> RULES = Set.of("readme-runbook", "coverage", "oncall");

  /** The entities' latest scores. */
  public final List<EntityScore> entities = new CopyOnWriteArrayList<>();

  @Override
  public List<String> levels(String scorecardId) {
    return SCORECARD.equals(scorecardId) ? LEVELS : List.of();
  }

  @Override
  public Set<String> ruleIds(String scorecardId) {
    return SCORECARD.equals(scorecardId) ? RULES : Set.of();
  }

  @Override
  public List<EntityScore> latest(String scorecardId, List<String> filter) {
    return SCORECARD.equals(scorecardId) ? List.copyOf(entities) : List.of();
  }

  /** An entity's score with its level and each rule's result. */
  public static EntityScore score(String ref, String owner, String level, Map<String, String> r) {
    return new EntityScore(ref, owner, level, r);
  }
}
