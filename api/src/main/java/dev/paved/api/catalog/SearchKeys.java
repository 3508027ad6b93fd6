package dev.paved.api.catalog;

import dev.paved.api.catalog.relations.Relation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An entity flattened to search rows as Backstage flattens it: dotted lower-cased keys ({@code
 * spec.type}, {@code metadata.annotations.backstage.io/source-location}), lower-cased values, lists
 * emitting one row per item (and {@code key.item = true} for plain items), {@code relations.<type>}
 * for each relation; {@code relations}, {@code status} and {@code attachments} are left out of the
 * walk. A value too long to index keeps its key with no value.
 */
public final class SearchKeys {

  static final int MAX_KEY = 200;
  static final int MAX_VALUE = 200;
  private static final Set<String> SKIPPED = Set.of("relations", "status", "attachments");

  /** One search row: the lower-cased key and value, and the value as written. */
  public record Row(String key, String value, String originalValue) {}

  private SearchKeys() {}

  public static List<Row> of(Map<String, Object> body, List<Relation> relations) {
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<String, Object> entry : body.entrySet()) {
      if (!SKIPPED.contains(entry.getKey())) {
        walk(entry.getKey(), entry.getValue(), rows);
      }
    }
    for (Relation relation : relations) {
      add(rows, "relations." + relation.type(), relation.target().toString());
    }
    return rows;
  }

  private static void walk(String path, Object value, List<Row> rows) {
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> walk(path + "." + k, v, rows));
    } else if (value instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> || item instanceof List<?>) {
          walk(path, item, rows);
        } else {
          add(rows, path, item);
          if (item != null) {
            add(rows, path + "." + item, true);
          }
        }
      }
    } else {
      add(rows, path, value);
    }
  }

  private static void add(List<Row> rows, String key, Object value) {
    String lowerKey = key.toLowerCase(Locale.ROOT);
    if (lowerKey.length() > MAX_KEY) {
      return;
    }
    String original = value == null ? null : String.valueOf(value);
    if (original != null && original.length() > MAX_VALUE) {
      original = null;
    }
    rows.add(
        new Row(lowerKey, original == null ? null : original.toLowerCase(Locale.ROOT), original));
  }
}
