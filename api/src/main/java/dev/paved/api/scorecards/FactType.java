package dev.paved.api.scorecards;

/** The type a fact has in rule expressions (CEL): declared once per fact, checked at load. */
public enum FactType {
  /** CEL {@code bool}. */
  BOOL,
  /** CEL {@code int} (a Java {@code Long}). */
  INT,
  /** CEL {@code double} (a Java {@code Double}). */
  DOUBLE,
  /** CEL {@code string}. */
  STRING,
  /** CEL {@code google.protobuf.Timestamp} (a Java {@code Instant}). */
  TIMESTAMP
}
