package dev.paved.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every error the API answers is {@code application/problem+json}: Spring's own (bad JSON, wrong
 * method, unknown path) through the base class, a request that breaks a Bean Validation constraint
 * as a 400 naming each field and what is wrong with it, Paved's {@link Problems}, and anything
 * unexpected as a 500 that names an error id instead of showing a stack trace. No answer repeats
 * more than a short cut of the caller's input, nor names a Java class ({@link Problems#detail}).
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  /** The most broken constraints one answer lists. */
  static final int MAX_ERRORS = 20;

  /** One broken constraint: the body's field, or the parameter or header, and why. */
  record FieldProblem(String field, String message) {
    FieldProblem {
      field = Problems.echo(field);
      message = Problems.detail(message);
    }
  }

  /**
   * Every answer of the base class passes here: its detail and instance as {@link Problems#detail}
   * and {@link Problems#echo} allow (Spring's own details repeat the value they could not convert,
   * and the instance is the path as sent).
   */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ResponseEntity<Object> answer =
        super.handleExceptionInternal(e, body, headers, status, request);
    if (answer != null && answer.getBody() instanceof ProblemDetail problem) {
      problem.setDetail(Problems.detail(problem.getDetail()));
      if (request instanceof ServletWebRequest servlet) {
        problem.setInstance(URI.create(instance(servlet.getRequest().getRequestURI())));
      }
    }
    return answer;
  }

  /** The path as sent, cut, and still a valid URI reference. */
  private static String instance(String path) {
    String cut = Problems.echo(path).replace("…", "");
    // a cut may end inside a %-escape; anything not allowed in a path goes too
    return cut.replaceAll("[^A-Za-z0-9/._~%!$&'()*+,;=:@-]|%(?![0-9A-Fa-f]{2})", "");
  }

  /**
   * A body that is not JSON, or breaks a limit, or has a value of the wrong type: 400 saying which
   * (413 for a body that went past the size limit as it was read), never Jackson's message, which
   * names Java types.
   */
  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String detail =
        e.getCause() == null ? "this request needs a JSON body" : "the body is not valid JSON";
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof dev.paved.api.edge.BodyTooLarge tooLarge) {
        return problem(
            HttpStatus.CONTENT_TOO_LARGE,
            "too-large",
            "Content too large",
            "the request body may have at most " + tooLarge.limit() + " bytes",
            request);
      }
      if (cause instanceof StreamConstraintsException) {
        detail =
            "the body breaks a limit of the JSON it may hold (nesting depth, string length;"
                + " docs/operations.md, Limits)";
        break;
      }
      if (cause instanceof MismatchedInputException mismatch) {
        String field = field(mismatch);
        detail =
            field.isEmpty()
                ? "the body does not have the expected shape"
                : "'" + field + "' has a value of the wrong type";
        break;
      }
      if (cause instanceof JacksonException) {
        break;
      }
    }
    return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail, request);
  }

  private static String field(JacksonException e) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference reference : e.getPath()) {
      if (reference.getPropertyName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private ResponseEntity<Object> problem(
      HttpStatus status, String type, String title, String detail, WebRequest request) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
    body.setType(URI.create("https://paved.dev/problems/" + type));
    body.setTitle(title);
    return handleExceptionInternal(
        new IllegalArgumentException(detail), body, new HttpHeaders(), status, request);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return invalid(
        request,
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
        request,
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

  private static ResponseEntity<Object> invalid(WebRequest request, List<FieldProblem> all) {
    List<FieldProblem> errors = all.stream().limit(MAX_ERRORS).toList();
    String detail =
        String.join(
            "; ", errors.stream().map(error -> error.field() + " " + error.message()).toList());
    ProblemDetail body =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, Problems.detail(detail));
    body.setType(URI.create("https://paved.dev/problems/invalid-request"));
    body.setTitle("Invalid request");
    body.setProperty("errors", errors);
    if (request instanceof ServletWebRequest servlet) {
      body.setInstance(URI.create(instance(servlet.getRequest().getRequestURI())));
    }
    return ResponseEntity.badRequest().body(body);
  }

  /**
   * The database dropped a connection (a restart, a failover) or could not give one: nothing was
   * changed by this request's failed statement, so the client is told to send it again, and the log
   * gets one line, not a stack trace (the pool replaces the connection by itself).
   */
  @ExceptionHandler({
    DataAccessResourceFailureException.class,
    TransientDataAccessException.class,
    RecoverableDataAccessException.class
  })
  ResponseEntity<ProblemDetail> databaseUnavailable(DataAccessException e, WebRequest request) {
    log.warn("database unavailable for a request: {}", rootMessage(e));
    ProblemDetail body =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE,
            "Paved's database did not answer this request; nothing was changed, send it again");
    body.setType(URI.create("https://paved.dev/problems/database-unavailable"));
    body.setTitle("Database unavailable");
    if (request instanceof ServletWebRequest servlet) {
      body.setInstance(URI.create(instance(servlet.getRequest().getRequestURI())));
    }
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "1")
        .body(body);
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e, WebRequest request) {
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
    if (request instanceof ServletWebRequest servlet) {
      body.setInstance(URI.create(instance(servlet.getRequest().getRequestURI())));
    }
    return ResponseEntity.internalServerError().body(body);
  }
}
