package dev.paved.api.scorecards;

import java.math.BigDecimal;
import java.time.Instant;

/** A fact's value as stored: its type's name and its text, and back. */
final class FactValues {

  private FactValues() {}

  /**
   * {@code bool}, {@code int}, {@code double}, {@code string} or {@code timestamp}; null for none.
   */
  static String type(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Boolean) {
      return "bool";
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      return "int";
    }
    if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
      return "double";
    }
    if (value instanceof Instant) {
      return "timestamp";
    }
    return "string";
  }

  static String text(Object value) {
    return value == null ? null : value.toString();
  }

  /** The value in its type's Java form (Boolean, Long, Double, String, Instant). */
  static Object read(String type, String text) {
    if (type == null || text == null) {
      return null;
    }
    return switch (type) {
      case "bool" -> Boolean.valueOf(text);
      case "int" -> Long.valueOf(text);
      case "double" -> Double.valueOf(text);
      case "timestamp" -> Instant.parse(text);
      default -> text;
    };
  }

  /** The value in its Java form for JSON answers: timestamps as ISO text. */
  static Object json(Object value) {
    return value instanceof Instant instant ? instant.toString() : value;
  }
}
