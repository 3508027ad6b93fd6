package dev.paved.api.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Backstage's {@code $text} placeholder: a value written {@code {$text: ./openapi.yaml}} becomes
 * the text of that file, named relative to the entity's location (an API's {@code spec.definition},
 * most often). A file that holds one is processed at every read, as the file it names may change on
 * its own.
 */
final class Placeholders {

  static final String TEXT = "$text";

  private Placeholders() {}

  /**
   * Whether {@code resolved} stays where {@code base} is: in the same repository and branch for a
   * {@code url} ({@code <repo>/blob/<branch>/...}), in the base file's folder or below for a {@code
   * file}. A placeholder may not read anything else on the host.
   */
  static boolean within(String base, String resolved) {
    int blob = base.indexOf("/blob/");
    if (blob >= 0) {
      int branchEnd = base.indexOf('/', blob + "/blob/".length());
      return branchEnd > 0
          && resolved.startsWith(base.substring(0, branchEnd + 1))
          && !resolved.contains("/../");
    }
    if (base.contains("://")) {
      return false;
    }
    java.nio.file.Path folder =
        java.nio.file.Path.of(base).toAbsolutePath().normalize().getParent();
    return folder != null
        && java.nio.file.Path.of(resolved).toAbsolutePath().normalize().startsWith(folder);
  }

  /** Whether the file's text names a placeholder at all (a cheap test before parsing). */
  static boolean mentioned(String text) {
    return text.contains(TEXT);
  }

  /**
   * The document with its {@code $text} placeholders read through {@code provider}, relative to the
   * location's file {@code target}, and only inside its repository or folder.
   */
  static Map<String, Object> read(
      Map<String, Object> doc, EntityProvider provider, String target, List<String> problems) {
    return resolve(
        doc,
        relative -> provider.resolve(target, relative),
        resolved -> {
          if (!within(target, resolved)) {
            throw new IllegalArgumentException("outside the location's repository or folder");
          }
          return provider.read(resolved);
        },
        problems);
  }

  /**
   * The document with each {@code $text} replaced by what {@code read} gives for the target
   * resolved against {@code base}; a target that cannot be read adds an error and stays.
   */
  static Map<String, Object> resolve(
      Map<String, Object> doc,
      Function<String, String> resolveAgainstBase,
      Function<String, Optional<String>> read,
      List<String> errors) {
    @SuppressWarnings("unchecked")
    Map<String, Object> resolved =
        (Map<String, Object>) walk(doc, resolveAgainstBase, read, errors);
    return resolved;
  }

  private static Object walk(
      Object value,
      Function<String, String> resolveAgainstBase,
      Function<String, Optional<String>> read,
      List<String> errors) {
    if (value instanceof Map<?, ?> map) {
      if (map.size() == 1 && map.get(TEXT) instanceof String target) {
        String resolved = resolveAgainstBase.apply(target);
        try {
          Optional<String> text = read.apply(resolved);
          if (text.isPresent()) {
            return text.get();
          }
          errors.add(TEXT + " " + target + ": " + resolved + " does not exist");
        } catch (RuntimeException e) {
          errors.add(TEXT + " " + target + ": " + resolved + " cannot be read: " + e.getMessage());
        }
        return value;
      }
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), walk(v, resolveAgainstBase, read, errors)));
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>();
      list.forEach(v -> copy.add(walk(v, resolveAgainstBase, read, errors)));
      return copy;
    }
    return value;
  }
}
