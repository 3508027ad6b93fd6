package dev.paved.activities.support;

import java.util.List;
import java.util.Map;

/** Reads typed values from a step's rendered input; a missing or mistyped field is InvalidInput. */
public final class Inputs {

  private final String action;
  private final Map<String, Object> input;

  private Inputs(String action, Map<String, Object> input) {
    this.action = action;
    this.input = input == null ? Map.of() : input;
  }

  public static Inputs of(String action, Map<String, Object> input) {
    return new Inputs(action, input);
  }

  public String requiredString(String field) {
    String value = string(field, null);
    if (value == null || value.isBlank()) {
      throw StepFailures.invalidInput(action + ": input '" + field + "' is required");
    }
    return value;
  }

  public String string(String field, String fallback) {
    Object value = input.get(field);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Map || value instanceof List) {
      throw StepFailures.invalidInput(action + ": input '" + field + "' must be a string");
    }
    String text = String.valueOf(value);
    return text.isEmpty() ? fallback : text;
  }

  public boolean bool(String field, boolean fallback) {
    Object value = input.get(field);
    if (value == null || "".equals(value)) {
      return fallback;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    String text = String.valueOf(value).trim().toLowerCase();
    return switch (text) {
      case "true", "yes" -> true;
      case "false", "no" -> false;
      default ->
          throw StepFailures.invalidInput(action + ": input '" + field + "' must be true or false");
    };
  }

  public int integer(String field, int fallback) {
    Object value = input.get(field);
    if (value == null || "".equals(value)) {
      return fallback;
    }
    if (value instanceof Number n) {
      return n.intValue();
    }
    try {
      return Integer.parseInt(String.valueOf(value).trim());
    } catch (NumberFormatException e) {
      throw StepFailures.invalidInput(action + ": input '" + field + "' must be a whole number");
    }
  }

  @SuppressWarnings("unchecked")
  public Map<String, Object> map(String field) {
    Object value = input.get(field);
    if (value == null) {
      return Map.of();
    }
    if (value instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    throw StepFailures.invalidInput(action + ": input '" + field + "' must be an object");
  }

  public List<Object> list(String field) {
    Object value = input.get(field);
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> l) {
      return List.copyOf(l);
    }
    throw StepFailures.invalidInput(action + ": input '" + field + "' must be a list");
  }
}
