package dev.paved.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code paved.limits.*}: how much one request may carry, checked before anything is read into
 * memory or stored (docs/operations.md, Limits). The size of a request's headers is Spring Boot's
 * {@code server.max-http-request-header-size}.
 *
 * @param bodySize the largest request body; a larger one is answered 413 unread
 * @param jsonDepth how deep arrays and objects may nest in a JSON body
 * @param jsonStringLength the longest string (value or field name) in a JSON body, in characters
 * @param parameters the most parameters one run (or a retry's corrections) may carry
 * @param parametersSize the largest a run's parameters may be, written as JSON
 * @param parameterNameLength the longest parameter name
 * @param idLength the longest id in a path (a run's, an access request's)
 * @param idempotencyKeyLength the longest {@code Idempotency-Key}
 */
@ConfigurationProperties("paved.limits")
public record ApiLimits(
    @DefaultValue("256KB") DataSize bodySize,
    @DefaultValue("32") int jsonDepth,
    @DefaultValue("65536") int jsonStringLength,
    @DefaultValue("100") int parameters,
    @DefaultValue("64KB") DataSize parametersSize,
    @DefaultValue("100") int parameterNameLength,
    @DefaultValue("64") int idLength,
    @DefaultValue("200") int idempotencyKeyLength) {

  /** The database keeps at most this many characters of a key. */
  static final int KEY_COLUMN = 200;

  public ApiLimits {
    if (idempotencyKeyLength < 1 || idempotencyKeyLength > KEY_COLUMN) {
      throw new IllegalStateException(
          "paved.limits.idempotency-key-length must be 1 to " + KEY_COLUMN);
    }
  }

  /** The defaults, for code and tests that run without Spring's binding. */
  public static ApiLimits defaults() {
    return new ApiLimits(
        DataSize.ofKilobytes(256), 32, 65536, 100, DataSize.ofKilobytes(64), 100, 64, 200);
  }
}
