package dev.paved.api.scorecards;

import java.util.List;
import java.util.Optional;

/**
 * A scorecard loaded from its YAML file: which entities it grades (a catalog filter), its levels
 * (lowest first) and its rules.
 *
 * @param file the file it was read from, relative to its folder
 */
public record Scorecard(
    String id,
    String title,
    String description,
    List<String> filter,
    List<String> levels,
    List<Rule> rules,
    String file) {

  public static final List<String> DEFAULT_LEVELS = List.of("Bronze", "Silver", "Gold");

  /**
   * A rule: its expression compiled, and the facts it reads.
   *
   * @param facts the facts the expression reads (a rule reading an unknown one is unknown)
   */
  public record Rule(
      String id,
      String title,
      String level,
      int weight,
      String expression,
      String fix,
      List<String> facts,
      RuleCompiler.Compiled compiled) {}

  public Optional<Rule> rule(String ruleId) {
    return rules.stream().filter(r -> r.id().equals(ruleId)).findFirst();
  }

  /** The position of a level in {@link #levels}, lowest 0; -1 if not one. */
  public int rank(String level) {
    return level == null ? -1 : levels.indexOf(level);
  }
}
