package dev.paved.cli;

import com.fasterxml.jackson.databind.JsonNode;

/** An answer of Paved other than 2xx, with its problem document (application/problem+json). */
final class ApiException extends RuntimeException {

  private final int status;
  private final JsonNode problem;

  ApiException(int status, JsonNode problem, String message) {
    super(message);
    this.status = status;
    this.problem = problem;
  }

  int status() {
    return status;
  }

  JsonNode problem() {
    return problem;
  }
}
