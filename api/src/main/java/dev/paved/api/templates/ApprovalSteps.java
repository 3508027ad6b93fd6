package dev.paved.api.templates;

import dev.paved.workflows.approval.ApprovalStepInput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the loader checks and fills in on a {@code paved:approval} step: without {@code approvers}
 * the template's owner ({@code spec.owner}) approves; literal values are checked as the run would
 * check them, so a typo refuses the template instead of failing a run half-way.
 */
final class ApprovalSteps {

  static final String ACTION = "paved:approval";

  private ApprovalSteps() {}

  /** The step's input with its approvers defaulted to the template's owner. */
  static Map<String, Object> withDefaults(String action, Map<String, Object> input, String owner) {
    if (!ACTION.equals(action) || input.containsKey("approvers") || owner == null) {
      return input;
    }
    Map<String, Object> filled = new LinkedHashMap<>(input);
    filled.put("approvers", owner);
    return filled;
  }

  /** The problems of an approval step (none for any other action). */
  static List<String> problems(String action, Map<String, Object> input, Object each) {
    List<String> problems = new ArrayList<>();
    if (!ACTION.equals(action)) {
      return problems;
    }
    if (each != null) {
      problems.add("an approval cannot repeat with 'each'");
    }
    if (!input.containsKey("approvers")) {
      problems.add("input 'approvers' is required when the template has no spec.owner");
    }
    Map<String, Object> literal = new LinkedHashMap<>();
    input.forEach(
        (name, value) -> {
          if (!mentionsExpression(value)) {
            literal.put(name, value);
          }
        });
    if (!literal.containsKey("approvers")) {
      literal.put("approvers", "group:default/checked-when-rendered");
    }
    try {
      ApprovalStepInput.parse(literal, ACTION);
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
    return problems;
  }

  private static boolean mentionsExpression(Object value) {
    if (value instanceof String text) {
      return text.contains("${{");
    }
    if (value instanceof List<?> list) {
      return list.stream().anyMatch(ApprovalSteps::mentionsExpression);
    }
    return value instanceof Map<?, ?>;
  }
}
