package dev.paved.api;

import java.util.List;

/**
 * Every list the API answers: {@code {"items": [...]}}, so a client reads each list the same way.
 */
public record Items<T>(List<T> items) {

  public Items {
    items = List.copyOf(items);
  }
}
