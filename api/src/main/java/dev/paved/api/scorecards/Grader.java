package dev.paved.api.scorecards;

import com.google.protobuf.Timestamp;
import dev.cel.runtime.CelEvaluationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Grades one entity against one scorecard from its facts and waivers: each rule's outcome, the
 * level held (every rule of it and of every lower level passed or waived) and the weighted score.
 * No I/O.
 */
final class Grader {

  private Grader() {}

  /**
   * @param waiver the waiver in force for a rule id, or null
   */
  static EntityEvaluation grade(
      Scorecard scorecard,
      String entityRef,
      String owner,
      String title,
      Map<String, Object> entity,
      Map<String, Fact> facts,
      Function<String, Waivers.Waiver> waiver,
      Instant now) {
    Map<String, Object> celEntity = celMap(entity);
    List<RuleOutcome> outcomes = new ArrayList<>();
    for (Scorecard.Rule rule : scorecard.rules()) {
      outcomes.add(outcome(rule, facts, celEntity, waiver.apply(rule.id()), now));
    }
    return new EntityEvaluation(
        scorecard.id(),
        entityRef,
        owner,
        title,
        level(scorecard, outcomes),
        score(scorecard, outcomes),
        List.copyOf(outcomes),
        now);
  }

  /** The highest level whose rules, and every lower level's, all count. */
  static String level(Scorecard scorecard, List<RuleOutcome> outcomes) {
    Map<String, RuleOutcome> byRule =
        outcomes.stream().collect(Collectors.toMap(RuleOutcome::ruleId, Function.identity()));
    String held = null;
    for (String level : scorecard.levels()) {
      boolean all =
          scorecard.rules().stream()
              .filter(r -> r.level().equals(level))
              .allMatch(r -> byRule.containsKey(r.id()) && byRule.get(r.id()).counts());
      if (!all) {
        break;
      }
      held = level;
    }
    return held;
  }

  static double score(Scorecard scorecard, List<RuleOutcome> outcomes) {
    Map<String, RuleOutcome> byRule =
        outcomes.stream().collect(Collectors.toMap(RuleOutcome::ruleId, Function.identity()));
    int total = 0;
    int passed = 0;
    for (Scorecard.Rule rule : scorecard.rules()) {
      total += rule.weight();
      RuleOutcome outcome = byRule.get(rule.id());
      if (outcome != null && outcome.counts()) {
        passed += rule.weight();
      }
    }
    return total == 0 ? 100.0 : Math.round(passed * 1000.0 / total) / 10.0;
  }

  static RuleOutcome outcome(
      Scorecard.Rule rule,
      Map<String, Fact> facts,
      Map<String, Object> celEntity,
      Waivers.Waiver waiver,
      Instant now) {
    Map<String, Fact> used = new LinkedHashMap<>();
    List<String> unknown = new ArrayList<>();
    Map<String, Object> vars = new HashMap<>();
    for (String name : rule.facts()) {
      Fact fact = facts.get(name);
      if (fact != null) {
        used.put(name, fact);
      }
      if (fact == null || !fact.isKnown()) {
        unknown.add(
            fact == null
                ? name + " has not been collected yet"
                : name + " is unknown" + (fact.detail() == null ? "" : ": " + fact.detail()));
      } else {
        vars.put(name, celValue(fact.value()));
      }
    }
    String result;
    String reason;
    if (!unknown.isEmpty()) {
      result = RuleOutcome.UNKNOWN;
      reason = String.join("; ", unknown);
    } else {
      vars.put("now", timestamp(now));
      vars.put("entity", celEntity);
      try {
        boolean pass = Boolean.TRUE.equals(rule.compiled().program().eval(vars));
        result = pass ? RuleOutcome.PASS : RuleOutcome.FAIL;
        reason = pass ? "passes" : "fails with " + values(used);
      } catch (CelEvaluationException e) {
        result = RuleOutcome.UNKNOWN;
        reason = "the expression could not be evaluated: " + e.getMessage();
      }
    }
    if (waiver != null && !RuleOutcome.PASS.equals(result)) {
      result = RuleOutcome.WAIVED;
    }
    return new RuleOutcome(rule.id(), result, reason, used, waiver);
  }

  private static String values(Map<String, Fact> used) {
    if (used.isEmpty()) {
      return "the entity as it is";
    }
    return used.values().stream()
        .map(
            f ->
                f.name()
                    + " = "
                    + FactValues.json(f.value())
                    + (f.detail() == null ? "" : " (" + f.detail() + ")"))
        .collect(Collectors.joining(", "));
  }

  static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder()
        .setSeconds(instant.getEpochSecond())
        .setNanos(instant.getNano())
        .build();
  }

  /** A fact's value as CEL holds it: ints as Long, timestamps as protobuf Timestamps. */
  static Object celValue(Object value) {
    if (value instanceof Instant instant) {
      return timestamp(instant);
    }
    if (value instanceof Integer || value instanceof Short) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float || value instanceof BigDecimal) {
      return ((Number) value).doubleValue();
    }
    return value;
  }

  /** The entity as a CEL map: JSON numbers as Long or Double, nested maps and lists likewise. */
  static Map<String, Object> celMap(Map<?, ?> map) {
    Map<String, Object> converted = new LinkedHashMap<>();
    map.forEach((k, v) -> converted.put(String.valueOf(k), celJson(v)));
    return converted;
  }

  private static Object celJson(Object value) {
    if (value instanceof Map<?, ?> map) {
      return celMap(map);
    }
    if (value instanceof List<?> list) {
      return list.stream().map(Grader::celJson).toList();
    }
    if (value instanceof BigInteger big) {
      return big.longValue();
    }
    if (value == null) {
      return com.google.protobuf.NullValue.NULL_VALUE;
    }
    return celValue(value);
  }
}
