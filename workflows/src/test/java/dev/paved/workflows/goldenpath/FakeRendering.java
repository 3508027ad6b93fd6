package dev.paved.workflows.goldenpath;

import dev.paved.workflows.steps.RenderRequest;
import dev.paved.workflows.steps.RenderedStep;
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

  private FakeRendering() {}

  static RenderedStep step(RenderRequest request) {
    String condition = request.step().ifCondition();
    boolean run = condition == null || !List.of("false", "").contains(render(condition, request));
    return new RenderedStep(run, run ? renderMap(request.step().input(), request) : Map.of());
  }

  static Map<String, Object> output(RenderRequest request) {
    return renderMap(request.step().input(), request);
  }

  private static Map<String, Object> renderMap(Map<String, Object> input, RenderRequest request) {
    Map<String, Object> rendered = new LinkedHashMap<>();
    input.forEach((key, value) -> rendered.put(key, renderValue(value, request)));
    return rendered;
  }

  @SuppressWarnings("unchecked")
  private static Object renderValue(Object value, RenderRequest request) {
    if (value instanceof String text) {
      return render(text, request);
    }
    if (value instanceof Map<?, ?> map) {
      return renderMap((Map<String, Object>) map, request);
    }
    return value;
  }

  private static String render(String text, RenderRequest request) {
    Matcher expression = EXPRESSION.matcher(text);
    StringBuilder out = new StringBuilder();
    while (expression.find()) {
      expression.appendReplacement(
          out, Matcher.quoteReplacement(String.valueOf(resolve(expression.group(1), request))));
    }
    return expression.appendTail(out).toString();
  }

  private static Object resolve(String expression, RenderRequest request) {
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
