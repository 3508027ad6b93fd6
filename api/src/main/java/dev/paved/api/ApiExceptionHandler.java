package dev.paved.api;

import java.net.URI;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error the API answers is {@code application/problem+json}: Spring's own (bad JSON, wrong
 * method, unknown path) through the base class, Paved's {@link Problems}, and anything unexpected
 * as a 500 that names an error id instead of showing a stack trace.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    String errorId = UUID.randomUUID().toString();
    log.error("Unexpected error {}", errorId, e);
    ProblemDetail body =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "Paved could not answer this request; the server log has the details under error id "
                + errorId);
    body.setType(URI.create("https://paved.dev/problems/internal"));
    body.setTitle("Internal error");
    body.setProperty("errorId", errorId);
    return ResponseEntity.internalServerError().body(body);
  }
}
