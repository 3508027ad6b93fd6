package dev.paved.api.templates;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Fills a form's {@code default}s into the values the way Backstage's form (react-jsonschema-form)
 * does before it submits: each absent property's default, nested objects' defaults, and the
 * defaults of the fields a {@code dependencies} entry shows once its property has a value (for a
 * {@code oneOf}, the branch whose property matches that value). A value the caller sent is never
 * replaced.
 */
final class FormDefaults {

  private FormDefaults() {}

  static void fill(Map<String, Object> schema, Map<String, Object> values) {
    Yaml.map(schema.get("properties"))
        .forEach(
            (name, raw) -> {
              Map<String, Object> property = Yaml.map(raw);
              if (!values.containsKey(name) && property.containsKey("default")) {
                values.put(name, property.get("default"));
              }
              if (values.get(name) instanceof Map<?, ?> nested
                  && property.get("properties") instanceof Map<?, ?>) {
                Map<String, Object> filled = Yaml.map(nested);
                fill(property, filled);
                values.put(name, filled);
              }
            });
    for (Object part : Yaml.list(schema.get("allOf"))) {
      fill(Yaml.map(part), values);
    }
    Yaml.map(schema.get("dependencies"))
        .forEach(
            (name, dependency) -> {
              if (values.containsKey(name) && dependency instanceof Map<?, ?>) {
                Map<String, Object> shown = Yaml.map(dependency);
                fill(shown, values);
                for (Object branch : Yaml.list(shown.get("oneOf"))) {
                  if (matches(Yaml.map(branch), name, values.get(name))) {
                    fill(Yaml.map(branch), values);
                    break;
                  }
                }
              }
            });
  }

  /** Whether the {@code oneOf} branch is the one for this value of the dependency's property. */
  private static boolean matches(Map<String, Object> branch, String name, Object value) {
    Map<String, Object> property = Yaml.map(Yaml.map(branch.get("properties")).get(name));
    if (property.containsKey("const")) {
      return Objects.equals(property.get("const"), value);
    }
    List<Object> allowed = Yaml.list(property.get("enum"));
    return !allowed.isEmpty() && allowed.contains(value);
  }

  /** A copy of the values with the defaults filled in. */
  static Map<String, Object> of(Map<String, Object> schema, Map<String, Object> values) {
    Map<String, Object> result = new LinkedHashMap<>(values == null ? Map.of() : values);
    fill(schema, result);
    return result;
  }
}
