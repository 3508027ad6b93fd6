package dev.paved.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.function.Function;

/**
 * Every list the API answers: {@code {"items": [...], "nextCursor": ...}}, so a client reads each
 * list the same way. A list that can grow answers a page: {@code nextCursor} is the opaque value to
 * pass as {@code cursor} for the next page, null on the last; a list that cannot grow answers all
 * of it, with {@code nextCursor} null.
 */
public record Items<T>(
    List<T> items,
    @Schema(
            description =
                "pass it as cursor for the next page; null on the last page (opaque: its content"
                    + " may change)",
            nullable = true,
            requiredMode = Schema.RequiredMode.REQUIRED)
        String nextCursor) {

  public Items {
    items = List.copyOf(items);
  }

  /** The whole list. */
  public Items(List<T> items) {
    this(items, null);
  }

  /**
   * A page of {@code rows} read with {@code limit + 1} (so one more says there is a next page): the
   * first {@code limit} as {@code item} makes them, and the cursor after the last of those.
   */
  public static <R, T> Items<T> page(
      List<R> rows, int limit, Function<R, Cursor> position, Function<R, T> item) {
    List<R> page = rows.size() > limit ? rows.subList(0, limit) : rows;
    String next = rows.size() > limit ? position.apply(page.get(limit - 1)).encode() : null;
    return new Items<>(page.stream().map(item).toList(), next);
  }
}
