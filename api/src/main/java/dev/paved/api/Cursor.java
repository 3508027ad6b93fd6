package dev.paved.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * Where a page of a list ended: the time and the key of its last row, in the list's order (a time,
 * then a key that breaks ties). A client sees it only encoded, as an opaque string; a page read
 * after it starts at the next row, so rows added meanwhile neither repeat nor shift the pages.
 */
public record Cursor(Instant at, String key) {

  public String encode() {
    byte[] text = (at + "|" + key).getBytes(StandardCharsets.UTF_8);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text);
  }

  /** The cursor a previous page gave, or null for the first page; 400 for anything else. */
  public static Cursor decode(String cursor) {
    if (cursor == null || cursor.isEmpty()) {
      return null;
    }
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      int bar = text.indexOf('|');
      return new Cursor(Instant.parse(text.substring(0, bar)), text.substring(bar + 1));
    } catch (RuntimeException e) {
      throw Problems.invalid(
          "cursor is not one this list answered: pass nextCursor as it came", Map.of());
    }
  }
}
