package dev.paved.workflows.goldenpath;

import dev.paved.workflows.steps.RenderRequest;
import dev.paved.workflows.steps.RenderedEach;
import dev.paved.workflows.steps.RenderedStep;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for the template engine: resolves {@code ${{ parameters.x }}} and {@code ${{
 * steps['id'].output.x }}} from the render request, so a test sees which context each render got.
 */
final class FakeRendering {

  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*(.+?)\\s*}}");
  private static final Pattern PARAMETER = Pattern.compile("parameters\\.(\\w+)");
  private static final Pattern STEP_OUTPUT =
      Pattern.compile("steps\\['([^']+)']\\.output\\.(\\w+)");
  private static final Pattern EACH = Pattern.compile("each\\.(key|value)");

  private FakeRendering() {}

  static RenderedStep step(RenderRequest request) {
    String condition = request.step().ifCondition();
    boolean run = condition == null || !List.of("false", "").contains(render(condition, request));
    return new RenderedStep(run, run ? renderMap(request.step().input(), request, null) : Map.of());
  }

  static Map<String, Object> output(RenderRequest request) {
    return renderMap(request.step().input(), request, null);
  }

  /** {@code each} as a list or a {@code ${{ parameters.x }}} list; {@code each.value} per item. */
  static RenderedEach each(RenderRequest request) {
    Object each = request.step().each();
    List<?> items =
        each instanceof List<?> list
            ? list
            : (List<?>) resolve(EXPRESSION.matcher((String) each).replaceAll("$1"), request, null);
    List<RenderedEach.Iteration> iterations = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("key", String.valueOf(i));
      item.put("value", items.get(i));
      String condition = request.step().ifCondition();
      boolean run =
          condition == null || !List.of("false", "").contains(render(condition, request, item));
      iterations.add(
          new RenderedEach.Iteration(
              String.valueOf(i),
              run,
              run ? renderMap(request.step().input(), request, item) : null));
    }
    return new RenderedEach(iterations);
  }

  private static Map<String, Object> renderMap(
      Map<String, Object> input, RenderRequest request, Map<String, Object> each) {
    Map<String, Object> rendered = new LinkedHashMap<>();
    input.forEach((key, value) -> rendered.put(key, renderValue(value, request, each)));
    return rendered;
  }

  @SuppressWarnings("unchecked")
  private static Object renderValue(Object value, RenderRequest request, Map<String, Object> each) {
    if (value instanceof String text) {
      return render(text, request, each);
    }
    if (value instanceof Map<?, ?> map) {
      return renderMap((Map<String, Object>) map, request, each);
    }
    return value;
  }

  private static String render(String text, RenderRequest request) {
    return render(text, request, null);
  }

  private static String render(String text, RenderRequest request, Map<String, Object> each) {
    Matcher expression = EXPRESSION.matcher(text);
    StringBuilder out = new StringBuilder();
    while (expression.find()) {
      expression.appendReplacement(
          out,
          Matcher.quoteReplacement(String.valueOf(resolve(expression.group(1), request, each))));
    }
    return expression.appendTail(out).toString();
  }

  private static Object resolve(
      String expression, RenderRequest request, Map<String, Object> each) {
    Matcher item = EACH.matcher(expression);
    if (each != null && item.matches()) {
      return each.get(item.group(1));
    }
    Matcher parameter = PARAMETER.matcher(expression);
    if (parameter.matches()) {
      return lookUp(request.parameters(), parameter.group(1), expression);
    }
    Matcher stepOutput = STEP_OUTPUT.matcher(expression);
    if (stepOutput.matches()) {
      Map<String, Object> output = request.steps().getOrDefault(stepOutput.group(1), Map.of());
      return lookUp(output, stepOutput.group(2), expression);
    }
    throw new IllegalArgumentException("the fake renderer cannot evaluate: " + expression);
  }

  /** A missing value fails loudly, so a step that rendered without its context shows up. */
  private static Object lookUp(Map<String, ?> values, String key, String expression) {
    if (!values.containsKey(key)) {
      throw new IllegalArgumentException("nothing for " + expression + " in " + values.keySet());
    }
    return values.get(key);
  }
}
