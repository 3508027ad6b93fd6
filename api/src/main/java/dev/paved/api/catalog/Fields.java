package dev.paved.api.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Backstage's {@code fields}: only the named dotted paths of an entity (all when none). */
final class Fields {

  private Fields() {}

  static Map<String, Object> select(Map<String, Object> entity, List<String> fields) {
    if (fields.isEmpty()) {
      return entity;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (String field : fields) {
      copy(entity, out, field.split("\\."), 0);
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static void copy(Map<String, Object> from, Map<String, Object> to, String[] path, int i) {
    // an annotation key may hold dots: try the rest of the path as one key first
    String rest = String.join(".", java.util.Arrays.copyOfRange(path, i, path.length));
    if (from.containsKey(rest)) {
      to.put(rest, from.get(rest));
      return;
    }
    Object value = from.get(path[i]);
    if (value == null) {
      return;
    }
    if (i == path.length - 1) {
      to.put(path[i], value);
    } else if (value instanceof Map<?, ?> inner) {
      Map<String, Object> target =
          (Map<String, Object>) to.computeIfAbsent(path[i], k -> new LinkedHashMap<>());
      copy((Map<String, Object>) inner, target, path, i + 1);
    }
  }
}
