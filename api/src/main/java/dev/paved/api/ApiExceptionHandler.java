package dev.paved.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error the API answers is {@code application/problem+json}: Spring's own (bad JSON, wrong
 * method, unknown path) through the base class, a request that breaks a Bean Validation constraint
 * as a 400 naming each field and what is wrong with it, Paved's {@link Problems}, and anything
 * unexpected as a 500 that names an error id instead of showing a stack trace.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  /** One broken constraint: the body's field, or the parameter or header, and why. */
  record FieldProblem(String field, String message) {}

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return invalid(
        e.getBindingResult().getAllErrors().stream()
            .map(
                error ->
                    new FieldProblem(
                        error instanceof FieldError field
                            ? field.getField()
                            : error.getObjectName(),
                        error.getDefaultMessage()))
            .toList());
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return invalid(
        e.getParameterValidationResults().stream().flatMap(ApiExceptionHandler::problems).toList());
  }

  private static Stream<FieldProblem> problems(ParameterValidationResult result) {
    if (result instanceof ParameterErrors body) { // a @Valid body: its fields
      return body.getFieldErrors().stream()
          .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()));
    }
    String name = name(result.getMethodParameter());
    return result.getResolvableErrors().stream()
        .map(MessageSourceResolvable::getDefaultMessage)
        .map(message -> new FieldProblem(name, message));
  }

  /** As the client wrote it: the header's or query parameter's name, else the Java name. */
  private static String name(MethodParameter parameter) {
    RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
    if (header != null && !header.name().isEmpty()) {
      return header.name();
    }
    RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
    if (param != null && !param.name().isEmpty()) {
      return param.name();
    }
    return parameter.getParameterName();
  }

  private static ResponseEntity<Object> invalid(List<FieldProblem> errors) {
    String detail =
        String.join(
            "; ", errors.stream().map(error -> error.field() + " " + error.message()).toList());
    ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    body.setType(URI.create("https://paved.dev/problems/invalid-request"));
    body.setTitle("Invalid request");
    body.setProperty("errors", errors);
    return ResponseEntity.badRequest().body(body);
  }

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
