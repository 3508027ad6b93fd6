package dev.paved.activities.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paved.activities.support.StepFailures;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders Backstage template expressions ({@code ${{ parameters.name }}}, {@code {% if %}}) in
 * strings, maps and lists, sandboxed and safe to share between threads. A string that is one whole
 * expression keeps the type of its value (a list stays a list), as in Backstage; any other string
 * renders to a string. Failures are InvalidInput naming the field that failed.
 */
public final class TemplateRenderer {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SandboxedJinjava engine = new SandboxedJinjava();

  /**
   * Renders every string inside {@code value}; map keys stay as written, and a map entry whose
   * value renders to nothing (undefined or empty) is left out, as Backstage leaves it undefined.
   *
   * @param where names the value in messages, for example {@code step 'publish' input}
   */
  public Object render(Object value, Map<String, ?> context, String where) {
    if (value instanceof String text) {
      return renderValue(text, context, where);
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> rendered = new LinkedHashMap<>();
      map.forEach(
          (key, item) -> {
            Object result = render(item, context, where + "." + key);
            if (result != null) {
              rendered.put(String.valueOf(key), result);
            }
          });
      return rendered;
    }
    if (value instanceof List<?> list) {
      List<Object> rendered = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        rendered.add(render(list.get(i), context, where + "[" + i + "]"));
      }
      return rendered;
    }
    return value;
  }

  /** {@link #render} for a map, such as a step's input. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> renderMap(Map<String, ?> value, Map<String, ?> context, String where) {
    return value == null ? Map.of() : (Map<String, Object>) render(value, context, where);
  }

  /** Renders {@code template} to text, whatever its expressions hold (file contents and names). */
  public String renderText(String template, Map<String, ?> context, String where) {
    return renderText(template, context, where, false, false);
  }

  /**
   * {@link #renderText(String, Map, String)} with Nunjucks' whitespace options: {@code trimBlocks}
   * drops the newline after a block tag, {@code lstripBlocks} the indentation before one.
   */
  public String renderText(
      String template,
      Map<String, ?> context,
      String where,
      boolean trimBlocks,
      boolean lstripBlocks) {
    SandboxedJinjava.Outcome outcome =
        engine.render(template, context, new SandboxedJinjava.Whitespace(trimBlocks, lstripBlocks));
    if (!outcome.problems().isEmpty()) {
      throw StepFailures.invalidInput(where + ": " + String.join("; ", outcome.problems()));
    }
    return outcome.output();
  }

  /**
   * The problems in the expressions inside {@code value} (syntax errors, unknown filters or tests,
   * file tags), found without real values: a template can be refused when it is loaded.
   */
  public List<String> check(Object value, String where) {
    List<String> problems = new ArrayList<>();
    if (value instanceof String text) {
      engine.check(text, Map.of()).forEach(problem -> problems.add(where + ": " + problem));
    } else if (value instanceof Map<?, ?> map) {
      map.forEach((key, item) -> problems.addAll(check(item, where + "." + key)));
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        problems.addAll(check(list.get(i), where + "[" + i + "]"));
      }
    }
    return problems;
  }

  /** Backstage's truthiness: an empty list is false, otherwise JavaScript's rules. */
  public static boolean isTruthy(Object value) {
    if (value == null || value instanceof Boolean b && !b) {
      return false;
    }
    if (value instanceof String s) {
      return !s.isEmpty();
    }
    if (value instanceof Number n) {
      double d = n.doubleValue();
      return d != 0 && !Double.isNaN(d);
    }
    if (value instanceof List<?> list) {
      return !list.isEmpty();
    }
    return true;
  }

  private Object renderValue(String text, Map<String, ?> context, String where) {
    String expression = engine.wholeExpression(text);
    if (expression == null) {
      String rendered = renderText(text, context, where);
      return rendered.isEmpty() ? null : rendered;
    }
    // Backstage renders ${{ (x) | dump }} and parses the JSON back, so the value keeps its type
    String dumped = renderText("${{ (" + expression + ") | dump }}", context, where);
    if (dumped.isEmpty()) {
      return null;
    }
    try {
      return JSON.readValue(dumped, Object.class);
    } catch (JsonProcessingException e) {
      throw StepFailures.invalidInput(where + ": the expression did not give a value");
    }
  }
}
