package dev.paved.api.catalog;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors of the Backstage catalog API in Backstage's shape: {@code {error: {name, message},
 * request: {method, url}, response: {statusCode}}}.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(
    assignableTypes = {BackstageCatalogController.class, BackstageLocationsController.class})
class BackstageErrors {

  static final class NotFound extends RuntimeException {
    NotFound(String message) {
      super(message);
    }
  }

  @ExceptionHandler(NotFound.class)
  ResponseEntity<Map<String, Object>> notFound(NotFound e, HttpServletRequest request) {
    return answer(HttpStatus.NOT_FOUND, "NotFoundError", e.getMessage(), request);
  }

  @ExceptionHandler(Catalog.DuplicateLocation.class)
  ResponseEntity<Map<String, Object>> conflict(
      Catalog.DuplicateLocation e, HttpServletRequest request) {
    return answer(HttpStatus.CONFLICT, "ConflictError", e.getMessage(), request);
  }

  @ExceptionHandler({
    IllegalArgumentException.class,
    MissingServletRequestParameterException.class,
    org.springframework.http.converter.HttpMessageNotReadableException.class
  })
  ResponseEntity<Map<String, Object>> invalid(Exception e, HttpServletRequest request) {
    return answer(HttpStatus.BAD_REQUEST, "InputError", e.getMessage(), request);
  }

  private static ResponseEntity<Map<String, Object>> answer(
      HttpStatus status, String name, String message, HttpServletRequest request) {
    String url = request.getRequestURI();
    if (request.getQueryString() != null) {
      url += "?" + request.getQueryString();
    }
    return ResponseEntity.status(status)
        .body(
            Map.of(
                "error", Map.of("name", name, "message", String.valueOf(message)),
                "request", Map.of("method", request.getMethod(), "url", url),
                "response", Map.of("statusCode", status.value())));
  }
}
