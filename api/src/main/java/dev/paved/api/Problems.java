package dev.paved.api;

import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The API's errors, answered as {@code application/problem+json} with a stable type. */
public final class Problems {

  private Problems() {}

  public static ErrorResponseException notFound(String detail) {
    return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", detail, Map.of());
  }

  public static ErrorResponseException invalid(String detail, Map<String, Object> properties) {
    return problem(
        HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail, properties);
  }

  public static ErrorResponseException conflict(String detail, Map<String, Object> properties) {
    return problem(HttpStatus.CONFLICT, "conflict", "Conflict", detail, properties);
  }

  /** Signed in, but not allowed to do this. */
  public static ErrorResponseException forbidden(String detail) {
    return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail, Map.of());
  }

  /** Well-formed, but against policy (a duration beyond the role's maximum, an unknown service). */
  public static ErrorResponseException refused(String detail, Map<String, Object> properties) {
    return problem(
        HttpStatus.UNPROCESSABLE_CONTENT, "policy", "Refused by policy", detail, properties);
  }

  public static ErrorResponseException unavailable(String detail) {
    return problem(
        HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service unavailable", detail, Map.of());
  }

  public static ErrorResponseException problem(
      HttpStatus status, String type, String title, String detail, Map<String, Object> properties) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
    body.setType(URI.create("https://paved.dev/problems/" + type));
    body.setTitle(title);
    properties.forEach(body::setProperty);
    return new ErrorResponseException(status, body, null);
  }
}
