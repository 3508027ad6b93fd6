package dev.paved.activities.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies a value into plain JSON-shaped data (maps, lists, strings, numbers, booleans, null). Any
 * other object becomes its text, so nothing but data leaves a template.
 */
final class PlainData {

  private PlainData() {}

  static Object of(Object value) {
    if (value == null || value instanceof String || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Number number) {
      return number;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), of(v)));
      return copy;
    }
    if (value instanceof Iterable<?> items) {
      List<Object> copy = new ArrayList<>();
      items.forEach(item -> copy.add(of(item)));
      return copy;
    }
    if (value instanceof Object[] array) {
      return of(List.of(array));
    }
    return value.toString();
  }
}
