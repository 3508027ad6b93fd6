package dev.paved.activities.render;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import java.util.Map;

/**
 * A Backstage filter. While a template is only being checked (validation mode, no real values) a
 * missing input yields null instead of an error, so the check reports only real problems.
 */
abstract class TemplateFilter implements Filter {

  private final String name;

  TemplateFilter(String name) {
    this.name = name;
  }

  /** The filter's work; {@code args} are the positional arguments as evaluated. */
  abstract Object apply(Object input, Object[] args);

  @Override
  public String getName() {
    return name;
  }

  @Override
  public Object filter(
      Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
    if (var == null && interpreter.getConfig().isValidationMode()) {
      return null;
    }
    return apply(var, args == null ? new Object[0] : args);
  }

  @Override
  public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
    return filter(var, interpreter, args, Map.of());
  }

  static String text(String filter, Object input) {
    if (input == null || input instanceof Map || input instanceof Iterable) {
      throw new IllegalArgumentException(filter + " expects a string, got " + kind(input));
    }
    return input.toString();
  }

  static String kind(Object value) {
    if (value == null) {
      return "nothing (undefined)";
    }
    if (value instanceof Map) {
      return "an object";
    }
    return value instanceof Iterable ? "a list" : "'" + value + "'";
  }
}
