package dev.paved.api.templates;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Lenient reads of a parsed YAML tree: a missing or mistyped node reads as empty. */
final class Yaml {

  private Yaml() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object node) {
    if (node instanceof Map<?, ?> map) {
      return new LinkedHashMap<>((Map<String, Object>) map);
    }
    return new LinkedHashMap<>();
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object node) {
    return node instanceof List<?> list ? (List<Object>) list : List.of();
  }

  static String string(Object node) {
    return node == null ? null : String.valueOf(node);
  }
}
