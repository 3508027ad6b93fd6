package dev.paved.workflows.goldenpath;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The output of a step with {@code each}, as Backstage makes it: every output name holds the list
 * of the values the iterations that ran gave it, in order.
 */
final class IterationOutputs {

  private final Map<String, List<Object>> collected = new LinkedHashMap<>();

  void add(Map<String, Object> output) {
    output.forEach(
        (name, value) -> collected.computeIfAbsent(name, n -> new ArrayList<>()).add(value));
  }

  Map<String, Object> asOutput() {
    Map<String, Object> output = new LinkedHashMap<>();
    collected.forEach((name, values) -> output.put(name, new ArrayList<>(values)));
    return output;
  }
}
