package dev.paved.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Follows a run by polling it: on a terminal a live display of its steps redrawn in place, in a log
 * or pipe one plain line per change. Stops at the end, at NEEDS_ATTENTION, or at an approval when
 * told not to wait for one.
 */
final class RunFollower {

  static final Duration POLL = Duration.ofMillis(500);

  private final ApiClient api;
  private final PrintWriter out;
  private final boolean live;
  private final boolean quiet;
  private final Map<String, String> seen = new HashMap<>();
  private int drawnLines;

  /**
   * @param live redraw in place (stdout is a terminal)
   * @param quiet print nothing while following (for --output json)
   */
  RunFollower(ApiClient api, PrintWriter out, boolean live, boolean quiet) {
    this.api = api;
    this.out = out;
    this.live = live;
    this.quiet = quiet;
  }

  /** The run once it has ended or stopped for a person; {@code waitApproval} waits through one. */
  JsonNode follow(String id, boolean waitApproval) {
    Instant start = Instant.now();
    boolean toldApproval = false;
    while (true) {
      JsonNode run = api.get("/runs/" + id);
      String status = run.path("status").asText();
      if (!quiet) {
        show(run, Duration.between(start, Instant.now()));
      }
      boolean waiting = status.equals("WAITING_APPROVAL");
      if (waiting && !waitApproval) {
        return run;
      }
      if (waiting && !toldApproval && !quiet && !live) {
        out.println("waiting for approval: an approver runs 'paved approve " + id + "'");
        toldApproval = true;
      }
      if (!status.equals("RUNNING") && !waiting) {
        return run;
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CliException("interrupted; the run goes on: 'paved run " + id + "'");
      }
    }
  }

  private void show(JsonNode run, Duration elapsed) {
    if (live) {
      redraw(run, elapsed);
    } else {
      lines(run, elapsed);
    }
    out.flush();
  }

  /** Moves the cursor back over the last drawing and draws the steps again. */
  private void redraw(JsonNode run, Duration elapsed) {
    StringBuilder frame = new StringBuilder();
    if (drawnLines > 0) {
      frame.append("\033[").append(drawnLines).append("F\033[J");
    }
    frame
        .append("run ")
        .append(run.path("id").asText())
        .append("  ")
        .append(run.path("status").asText())
        .append("  ")
        .append(RunPrinter.seconds(elapsed))
        .append('\n');
    int lines = 1;
    for (JsonNode step : run.path("steps")) {
      frame.append(
          String.format(
              "  %s %-12s %-34s %-10s attempts %d  %s%n",
              mark(step.path("status").asText()),
              step.path("id").asText(),
              step.path("name").asText(),
              step.path("status").asText(),
              step.path("attempts").asInt(),
              RunPrinter.took(step)));
      lines++;
    }
    if (run.path("status").asText().equals("WAITING_APPROVAL")) {
      frame.append("  waiting for approval: 'paved approve ").append(run.path("id").asText());
      frame.append("'\n");
      lines++;
    }
    out.print(frame);
    drawnLines = lines;
  }

  /** One line for each step whose status or attempts changed, and for the run's status. */
  private void lines(JsonNode run, Duration elapsed) {
    String time = "[" + RunPrinter.seconds(elapsed) + "] ";
    String runStatus = run.path("status").asText();
    if (!runStatus.equals(seen.put("", runStatus))) {
      out.println(time + "run " + run.path("id").asText() + " " + runStatus);
    }
    for (JsonNode step : run.path("steps")) {
      String state = step.path("status").asText() + " attempt " + step.path("attempts").asInt();
      if (!state.equals(seen.put(step.path("id").asText(), state))
          && !step.path("status").asText().equals("PENDING")) {
        out.println(time + step.path("id").asText() + " " + state);
      }
    }
  }

  private static String mark(String status) {
    return switch (status) {
      case "SUCCEEDED", "COMPLETED" -> "✓";
      case "RUNNING" -> "…";
      case "FAILED" -> "✗";
      case "SKIPPED" -> "-";
      default -> " ";
    };
  }
}
