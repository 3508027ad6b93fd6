package dev.paved.api.scorecards.initiatives;

import dev.paved.api.identity.Teams;
import dev.paved.api.scorecards.Scores;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How far an initiative's entities are, now: how many there are, how many meet the target, and
 * which do not, by owning team.
 */
record Measure(int total, int meeting, Map<String, Set<String>> notMeetingByOwner) {

  private static final Set<String> COUNTS_AS_PASSED = Set.of("pass", "waived");

  /**
   * Measures the latest scores against the target: a level target is met by the level or a higher
   * one ({@code levels} lowest first), a rules target when each rule passes or is waived.
   */
  static Measure of(Initiative initiative, List<String> levels, List<Scores.EntityScore> scores) {
    int meeting = 0;
    Map<String, Set<String>> behind = new TreeMap<>();
    for (Scores.EntityScore score : scores) {
      if (meets(initiative, levels, score)) {
        meeting++;
      } else {
        String owner = score.owner() == null ? "(no owner)" : Teams.name(score.owner());
        behind.computeIfAbsent(owner, o -> new TreeSet<>()).add(score.entityRef());
      }
    }
    return new Measure(scores.size(), meeting, behind);
  }

  private static boolean meets(
      Initiative initiative, List<String> levels, Scores.EntityScore score) {
    if (initiative.level() != null) {
      int held = score.level() == null ? -1 : levels.indexOf(score.level());
      return held >= levels.indexOf(initiative.level());
    }
    return initiative.rules().stream()
        .allMatch(
            rule -> {
              // a rule the entity was not graded on is not met (Set.of refuses null lookups)
              String result = score.results().get(rule);
              return result != null && COUNTS_AS_PASSED.contains(result);
            });
  }
}
