package dev.paved.api.scorecards;

import dev.paved.api.catalog.CatalogEntities;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** {@link Scores} from the kept evaluations. */
@Component
class ScorecardScores implements Scores {

  private final ScorecardRegistry registry;
  private final ScoreReads reads;
  private final CatalogEntities catalog;

  ScorecardScores(ScorecardRegistry registry, ScoreReads reads, CatalogEntities catalog) {
    this.registry = registry;
    this.reads = reads;
    this.catalog = catalog;
  }

  @Override
  public List<String> levels(String scorecardId) {
    return registry.find(scorecardId).map(Scorecard::levels).orElse(List.of());
  }

  @Override
  public List<EntityScore> latest(String scorecardId, List<String> filter) {
    if (registry.find(scorecardId).isEmpty()) {
      return List.of();
    }
    Set<String> wanted =
        filter == null || filter.isEmpty() ? null : new HashSet<>(catalog.refs(filter));
    List<EntityScore> scores = new ArrayList<>();
    String after = null;
    while (true) {
      List<ScoreReads.Graded> page = reads.page(scorecardId, null, after, 2000);
      if (page.isEmpty()) {
        return scores;
      }
      List<ScoreReads.Graded> kept =
          page.stream().filter(g -> wanted == null || wanted.contains(g.entityRef())).toList();
      Map<String, Map<String, String>> results =
          reads.resultsOf(scorecardId, kept.stream().map(ScoreReads.Graded::entityRef).toList());
      for (ScoreReads.Graded g : kept) {
        scores.add(
            new EntityScore(
                g.entityRef(), g.owner(), g.level(), Map.copyOf(results.get(g.entityRef()))));
      }
      after = page.get(page.size() - 1).entityRef();
    }
  }
}
