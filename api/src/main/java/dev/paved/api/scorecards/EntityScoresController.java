package dev.paved.api.scorecards;

import dev.paved.api.Problems;
import dev.paved.api.catalog.CatalogEntities;
import dev.paved.api.scorecards.ScorecardViews.EntityScorecard;
import dev.paved.api.scorecards.ScorecardViews.EntityScores;
import dev.paved.api.scorecards.ScorecardViews.RuleResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** An entity's grades: its level per scorecard and each rule's result with the fix. */
@Tag(name = "Scorecards", description = "Entities graded against the platform's standards")
@RestController
class EntityScoresController {

  private final ScorecardRegistry registry;
  private final ScoreReads reads;
  private final CatalogEntities catalog;

  EntityScoresController(ScorecardRegistry registry, ScoreReads reads, CatalogEntities catalog) {
    this.registry = registry;
    this.reads = reads;
    this.catalog = catalog;
  }

  @Operation(summary = "An entity's level per scorecard and each rule's latest result")
  @ApiResponse(responseCode = "200", description = "the entity's grades (none before evaluation)")
  @ApiResponse(responseCode = "404", description = "no such entity")
  @GetMapping("/api/v1/catalog/entities/{kind}/{namespace}/{name}/scores")
  EntityScores scores(
      @PathVariable String kind, @PathVariable String namespace, @PathVariable String name) {
    String ref = (kind + ":" + namespace + "/" + name).toLowerCase(Locale.ROOT);
    if (catalog.matching(List.of(), ref).isEmpty()) {
      throw Problems.notFound("no entity " + kind + ":" + namespace + "/" + name);
    }
    List<EntityScorecard> scorecards = new ArrayList<>();
    for (ScoreReads.Graded graded : reads.grades(ref)) {
      Scorecard scorecard = registry.find(graded.scorecardId()).orElse(null);
      if (scorecard == null) {
        continue;
      }
      Map<String, ScoreReads.Kept> kept =
          reads.results(scorecard.id(), ref).stream()
              .collect(Collectors.toMap(ScoreReads.Kept::ruleId, Function.identity()));
      List<RuleResult> rules = new ArrayList<>();
      for (Scorecard.Rule rule : scorecard.rules()) {
        ScoreReads.Kept k = kept.get(rule.id());
        rules.add(
            new RuleResult(
                rule.id(),
                rule.title(),
                rule.level(),
                rule.weight(),
                k == null ? RuleOutcome.UNKNOWN : k.result(),
                k == null ? "not evaluated yet" : k.reason(),
                rule.fix(),
                k == null ? Map.of() : ScoreJson.readFacts(k.facts()),
                k == null ? null : ScoreJson.readWaiver(k.waiver()),
                k == null ? null : k.since()));
      }
      int rank = scorecard.rank(graded.level());
      String next = rank + 1 < scorecard.levels().size() ? scorecard.levels().get(rank + 1) : null;
      scorecards.add(
          new EntityScorecard(
              scorecard.id(),
              scorecard.title(),
              graded.level(),
              next,
              graded.score(),
              graded.evaluatedAt(),
              rules));
    }
    return new EntityScores(ref, scorecards);
  }
}
