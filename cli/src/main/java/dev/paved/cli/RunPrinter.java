package dev.paved.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;

/** A run told to people: its timeline, what failed, what it made. */
final class RunPrinter {

  private RunPrinter() {}

  /** A run in one line, with the command that shows it. */
  static String oneLine(JsonNode run) {
    String id = run.path("id").asText();
    return "run " + id + " " + run.path("status").asText() + ": 'paved run " + id + "'";
  }

  static void timeline(JsonNode run, PrintWriter out) {
    out.println(
        "run "
            + run.path("id").asText()
            + "  "
            + run.path("status").asText()
            + "  "
            + run.path("template").asText()
            + "  "
            + run.path("serviceKey").asText());
    out.println(
        "requested by "
            + run.path("requestedBy").asText()
            + " at "
            + run.path("createdAt").asText());
    Table steps = new Table("step", "name", "status", "attempts", "took");
    for (JsonNode step : run.path("steps")) {
      steps.row(
          step.path("id").asText(),
          step.path("name").asText(),
          step.path("status").asText(),
          step.path("attempts").asInt(),
          took(step));
    }
    steps.print(out);
    undos(run, out);
    for (JsonNode approval : run.path("approvals")) {
      out.println(
          "approval "
              + approval.path("step").asText()
              + ": "
              + approval.path("outcome").asText()
              + " (approvers "
              + Problems.join(approval.path("approvers"))
              + ")");
      for (JsonNode d : approval.path("decisions")) {
        out.println(
            "  "
                + d.path("by").asText()
                + " "
                + d.path("decision").asText()
                + (d.path("comment").asText("").isEmpty()
                    ? ""
                    : ": " + d.path("comment").asText()));
      }
    }
    failure(run, out);
    links(run, out);
    out.flush();
  }

  /** Each step's undo once the run rolls back: its state, attempts, next try, what may exist. */
  static void undos(JsonNode run, PrintWriter out) {
    for (JsonNode step : run.path("steps")) {
      JsonNode undo = step.path("undo");
      if (!undo.isObject()) {
        continue;
      }
      out.println(
          "undo "
              + step.path("id").asText()
              + ": "
              + undo.path("status").asText()
              + (undo.path("attempts").asInt() > 0
                  ? " after " + undo.path("attempts").asInt() + " attempts"
                  : "")
              + (undo.path("nextTryAt").isTextual()
                  ? ", next try " + undo.path("nextTryAt").asText()
                  : "")
              + (undo.path("effects").isEmpty()
                  ? ""
                  : " (" + Problems.join(undo.path("effects")) + ")")
              + (undo.path("error").isTextual() ? ": " + undo.path("error").asText() : ""));
    }
  }

  static void failure(JsonNode run, PrintWriter out) {
    if (!run.path("failedStep").asText("").isEmpty()) {
      out.println("failed step: " + run.path("failedStep").asText());
    }
    if (!run.path("error").asText("").isEmpty()) {
      out.println("error: " + run.path("error").asText());
    }
  }

  /** The template's output links (title: url or entity) and texts. */
  static void links(JsonNode run, PrintWriter out) {
    JsonNode output = run.path("output");
    for (JsonNode link : output.path("links")) {
      String target = link.path("url").asText(link.path("entityRef").asText(""));
      out.println(link.path("title").asText("link") + ": " + target);
    }
    for (JsonNode text : output.path("text")) {
      out.println();
      out.println(text.path("title").asText());
      out.println(text.path("content").asText().strip());
    }
    out.flush();
  }

  static String took(JsonNode step) {
    if (step.path("startedAt").isMissingNode() || step.path("startedAt").isNull()) {
      return "";
    }
    Instant start = Instant.parse(step.path("startedAt").asText());
    Instant end =
        step.path("endedAt").isNull() || step.path("endedAt").isMissingNode()
            ? Instant.now()
            : Instant.parse(step.path("endedAt").asText());
    return seconds(Duration.between(start, end));
  }

  static String seconds(Duration d) {
    return String.format("%.1fs", d.toMillis() / 1000.0);
  }
}
