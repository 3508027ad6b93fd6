package dev.paved.api.catalog;

import dev.paved.api.catalog.EntityQueries.Query;
import dev.paved.api.catalog.IndexWalk.Position;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * A cursor, opaque to callers: the query, the offset its page starts at, and, for a next page, the
 * position the previous page ended at (a walk resumes there instead of counting from the start).
 */
final class QueryCursor {

  private static final String FIELD = "\u0002";
  private static final String ITEM = "\u0001";
  private static final String NONE = "\u0003";

  private QueryCursor() {}

  static String encode(Query query, int offset, Position after) {
    String text =
        String.join(ITEM, query.filter())
            + FIELD
            + (query.orderField() == null ? "" : query.orderField())
            + FIELD
            + query.descending()
            + FIELD
            + (query.text() == null ? "" : query.text())
            + FIELD
            + String.join(ITEM, query.textFields())
            + FIELD
            + query.limit()
            + FIELD
            + offset
            + FIELD
            + (after == null ? "" : (after.value() == null ? NONE : after.value()))
            + FIELD
            + (after == null ? "" : after.ref());
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** IllegalArgumentException for a cursor this catalog did not write. */
  static Query decode(String cursor) {
    try {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)
              .split(FIELD, -1);
      Position after =
          parts.length > 8 && !parts[8].isEmpty()
              ? new Position(NONE.equals(parts[7]) ? null : parts[7], parts[8])
              : null;
      return new Query(
          split(parts[0]),
          parts[1].isEmpty() ? null : parts[1],
          Boolean.parseBoolean(parts[2]),
          parts[3].isEmpty() ? null : parts[3],
          split(parts[4]),
          Integer.parseInt(parts[5]),
          Integer.parseInt(parts[6]),
          after);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Malformed cursor: " + cursor);
    }
  }

  private static List<String> split(String joined) {
    return joined.isEmpty() ? List.of() : List.of(joined.split(ITEM));
  }
}
