package dev.paved.api.scorecards;

import java.time.Instant;
import java.util.List;

/**
 * One entity graded by one scorecard.
 *
 * @param level the highest level held, or null for none
 * @param score the weighted share of rules passed or waived, 0 to 100
 */
public record EntityEvaluation(
    String scorecardId,
    String entityRef,
    String owner,
    String title,
    String level,
    double score,
    List<RuleOutcome> outcomes,
    Instant evaluatedAt) {}
