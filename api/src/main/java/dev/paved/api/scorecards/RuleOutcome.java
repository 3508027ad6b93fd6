package dev.paved.api.scorecards;

import java.util.Map;

/**
 * One rule's result for one entity.
 *
 * @param result {@code pass}, {@code fail}, {@code unknown} or {@code waived} (a waiver in force
 *     over a fail or an unknown)
 * @param reason what a person reads: the values that made it fail, or which fact is unknown and why
 * @param facts the facts the rule read, as of the evaluation
 * @param waiver the waiver in force, or null
 */
public record RuleOutcome(
    String ruleId, String result, String reason, Map<String, Fact> facts, Waivers.Waiver waiver) {

  public static final String PASS = "pass";
  public static final String FAIL = "fail";
  public static final String UNKNOWN = "unknown";
  public static final String WAIVED = "waived";

  /** Passed, or waived: counts towards a level. */
  public boolean counts() {
    return PASS.equals(result) || WAIVED.equals(result);
  }
}
