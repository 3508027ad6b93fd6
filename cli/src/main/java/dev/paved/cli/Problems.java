package dev.paved.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;

/** Paved's problem answers told to the user, and the exit code each one means. */
final class Problems {

  private Problems() {}

  /** Prints the problem (with each invalid field and its message) and answers the exit code. */
  static int print(ApiException e, PrintWriter err) {
    err.println("paved: " + e.getMessage());
    JsonNode problem = e.problem();
    for (JsonNode error : problem.path("errors")) {
      err.println("  " + error.path("field").asText("?") + ": " + error.path("message").asText());
    }
    if (problem.path("allowed").isArray()) {
      err.println("  allowed: " + join(problem.path("allowed")));
    }
    err.flush();
    return e.status() == 400 ? ExitCodes.INVALID : ExitCodes.FAILED;
  }

  static String join(JsonNode array) {
    StringBuilder joined = new StringBuilder();
    for (JsonNode item : array) {
      joined.append(joined.isEmpty() ? "" : ", ").append(item.asText());
    }
    return joined.toString();
  }
}
