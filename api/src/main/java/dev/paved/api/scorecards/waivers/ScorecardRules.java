package dev.paved.api.scorecards.waivers;

import dev.paved.api.Problems;
import dev.paved.api.scorecards.Scores;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The loaded scorecards as waivers and initiatives check them: a scorecard that is not loaded is
 * 404, a rule or level it does not have 400. Read through {@link Scores}, whichever bean evaluates.
 */
@Component
public class ScorecardRules {

  private final ObjectProvider<Scores> scores;

  ScorecardRules(ObjectProvider<Scores> scores) {
    this.scores = scores;
  }

  /** The scores, when a scorecard evaluation runs in this process. */
  public Scores scores() {
    Scores found = scores.getIfAvailable();
    if (found == null) {
      throw Problems.unavailable("scorecards are not evaluated here");
    }
    return found;
  }

  /** The scorecard's levels, lowest first; 404 when no such scorecard is loaded. */
  public List<String> levels(String scorecardId) {
    Scores found = scores.getIfAvailable();
    List<String> levels = found == null ? List.of() : found.levels(scorecardId);
    if (levels.isEmpty()) {
      throw Problems.notFound("no scorecard with id '" + scorecardId + "'");
    }
    return levels;
  }

  /** 400 unless every id names a rule of the scorecard (which must be loaded). */
  public void checkRules(String scorecardId, List<String> ruleIds) {
    levels(scorecardId);
    Set<String> known = scores().ruleIds(scorecardId);
    for (String id : ruleIds) {
      if (!known.contains(id)) {
        throw Problems.invalid(
            "scorecard " + scorecardId + " has no rule '" + id + "'",
            Map.of("rules", List.copyOf(known)));
      }
    }
  }
}
