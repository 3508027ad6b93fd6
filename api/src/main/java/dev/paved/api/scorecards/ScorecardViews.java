package dev.paved.api.scorecards;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What the scorecards API answers (docs/scorecards.md, API). */
final class ScorecardViews {

  private ScorecardViews() {}

  /** The loaded scorecards, and the files refused with their problems. */
  record ScorecardList(List<ScorecardView> items, List<RefusedScorecard> refused) {}

  /** A scorecard and its rules. */
  record ScorecardView(
      String id,
      String title,
      String description,
      List<String> filter,
      List<String> levels,
      List<RuleView> rules,
      String file) {

    static ScorecardView of(Scorecard s) {
      return new ScorecardView(
          s.id(),
          s.title(),
          s.description(),
          s.filter(),
          s.levels(),
          s.rules().stream().map(RuleView::of).toList(),
          s.file());
    }
  }

  /** A rule, with the facts its expression reads. */
  record RuleView(
      String id,
      String title,
      String level,
      int weight,
      String expression,
      String fix,
      List<String> facts) {

    static RuleView of(Scorecard.Rule r) {
      return new RuleView(
          r.id(), r.title(), r.level(), r.weight(), r.expression(), r.fix(), r.facts());
    }
  }

  /** An entity's grade per scorecard. */
  record EntityScores(String entity, List<EntityScorecard> scorecards) {}

  /**
   * An entity's grade by one scorecard.
   *
   * @param level the highest level held; null for none
   * @param nextLevel the level above it; null at the top
   * @param score the weighted share of rules passed or waived, 0 to 100
   */
  record EntityScorecard(
      String id,
      String title,
      String level,
      String nextLevel,
      double score,
      Instant evaluatedAt,
      List<RuleResult> rules) {}

  /**
   * A rule's latest result for the entity.
   *
   * @param result pass, fail, unknown or waived
   * @param facts fact name to {value, type, source, detail, observedAt}
   * @param since when this result was first seen
   */
  record RuleResult(
      String id,
      String title,
      String level,
      int weight,
      String result,
      String reason,
      String fix,
      Map<String, Object> facts,
      Waivers.Waiver waiver,
      Instant since) {}

  /** The fleet's (or a team's) latest grades. */
  record Summary(
      String scorecard,
      Instant evaluatedAt,
      int entities,
      Map<String, Integer> levels,
      List<RuleSummary> rules,
      List<SummaryItem> items,
      String nextCursor) {}

  /** A rule's outcomes across the entities; passRate counts waived as passed, unknown not. */
  record RuleSummary(
      String id,
      String title,
      String level,
      int pass,
      int fail,
      int unknown,
      int waived,
      double passRate) {}

  /** One entity's row of the fleet table. */
  record SummaryItem(
      String entity, String title, String owner, String level, Map<String, String> results) {}

  /** Daily points, oldest first. */
  record Trend(String scorecard, int days, List<TrendPoint> points) {}

  /** One day: how many entities, at which levels, and each rule's pass rate. */
  record TrendPoint(
      LocalDate date,
      int entities,
      Map<String, Integer> levels,
      double passRate,
      Map<String, Double> rules) {}

  /** What an evaluation did. */
  record Evaluated(String scorecard, int evaluated) {}

  /** The optional body of an evaluation request: one entity's ref, or none for all. */
  record EvaluateRequest(String entity) {}
}
