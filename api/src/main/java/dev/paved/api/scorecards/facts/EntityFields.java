package dev.paved.api.scorecards.facts;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What collectors read of an entity as the catalog stores it. */
final class EntityFields {

  private EntityFields() {}

  static Map<?, ?> map(Object value) {
    return value instanceof Map<?, ?> m ? m : Map.of();
  }

  static List<?> list(Object value) {
    return value instanceof List<?> l ? l : List.of();
  }

  static Map<?, ?> metadata(Map<String, Object> entity) {
    return map(entity.get("metadata"));
  }

  static Map<?, ?> spec(Map<String, Object> entity) {
    return map(entity.get("spec"));
  }

  /** A non-blank annotation's value. */
  static Optional<String> annotation(Map<String, Object> entity, String name) {
    return map(metadata(entity).get("annotations")).get(name) instanceof String s && !s.isBlank()
        ? Optional.of(s.strip())
        : Optional.empty();
  }

  static Map<?, ?> annotations(Map<String, Object> entity) {
    return map(metadata(entity).get("annotations"));
  }

  static String name(Map<String, Object> entity) {
    return String.valueOf(metadata(entity).get("name"));
  }

  static String namespace(Map<String, Object> entity) {
    return metadata(entity).get("namespace") instanceof String ns && !ns.isBlank() ? ns : "default";
  }
}
