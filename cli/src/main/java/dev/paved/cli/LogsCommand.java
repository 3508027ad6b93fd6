package dev.paved.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** A run's events: what happened so far, or (--follow) the events as they happen. */
@Command(
    name = "logs",
    mixinStandardHelpOptions = true,
    description = {
      "Show what happened in a run: its steps' status, attempts and errors.",
      "--follow streams the run's events until the run ends.",
      "Exit codes: 0 (with --follow: the run COMPLETED), 1 the run ended otherwise or not found."
    })
final class LogsCommand implements Callable<Integer> {

  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

  static final Set<String> ENDED =
      Set.of("COMPLETED", "ROLLED_BACK", "FAILED", "CANCELLED", "REJECTED", "EXPIRED");

  private final Session session;

  @Parameters(index = "0", paramLabel = "ID", description = "the run's id (r-…)")
  String id;

  @Option(
      names = {"-f", "--follow"},
      description = "stream the events until the run ends")
  boolean follow;

  @Mixin OutputOption output;

  /** What was printed last per step and for the run: a stream joined again repeats nothing. */
  private final Map<String, String> printed = new HashMap<>();

  private String runStatus = "";

  LogsCommand(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    ApiClient api = session.api();
    if (!follow) {
      return snapshot(api.get("/runs/" + ApiClient.encode(id)));
    }
    // Paved ends the stream when the run ends, or after an hour: then join it again
    while (!ENDED.contains(runStatus)) {
      SseParser parser = new SseParser();
      int[] received = {0};
      api.stream(
          "/runs/" + ApiClient.encode(id) + "/events",
          line -> {
            SseParser.Event event = parser.line(line);
            if (event != null) {
              received[0]++;
              print(event.name(), parse(event.data()), true);
            }
            return true;
          });
      if (received[0] == 0) {
        // every stream starts with the run's status: one without any is not worth joining again
        throw new CliException("the events of run " + id + " ended before the run did");
      }
    }
    return runStatus.equals("COMPLETED") ? ExitCodes.OK : ExitCodes.FAILED;
  }

  /** The run as it stands, told as the events that brought it there. */
  private int snapshot(JsonNode run) {
    ArrayNode events = ApiClient.JSON.createArrayNode();
    for (JsonNode step : run.path("steps")) {
      if (!step.path("status").asText().equals("PENDING")) {
        ObjectNode data = ApiClient.JSON.createObjectNode();
        data.put("step", step.path("id").asText());
        data.put("status", step.path("status").asText());
        data.put("attempt", step.path("attempts").asInt());
        data.set("error", step.path("error").isMissingNode() ? null : step.get("error"));
        events.add(event("step", data));
      }
    }
    ObjectNode data = ApiClient.JSON.createObjectNode();
    data.put("run", run.path("id").asText());
    data.put("status", run.path("status").asText());
    data.set("failedStep", run.get("failedStep"));
    data.set("error", run.get("error"));
    events.add(event("run", data));
    if (output.json()) {
      OutputOption.printJson(session.out(), ApiClient.JSON.createObjectNode().set("items", events));
    } else {
      events.forEach(e -> print(e.path("event").asText(), e.path("data"), false));
    }
    return ExitCodes.OK;
  }

  private void print(String name, JsonNode data, boolean timed) {
    String key = name.equals("step") ? "step " + data.path("step").asText() : name;
    if (data.toString().equals(printed.put(key, data.toString()))) {
      return;
    }
    if (name.equals("run")) {
      runStatus = data.path("status").asText();
    }
    PrintWriter out = session.out();
    if (output.json()) {
      // one event per line, as they come
      out.println(event(name, data).toString());
      out.flush();
      return;
    }
    StringBuilder line = new StringBuilder();
    if (timed) {
      // HH:mm:ss always (LocalTime's own text leaves out ":00" on the minute)
      line.append('[').append(LocalTime.now().format(CLOCK)).append("] ");
    }
    if (name.equals("step")) {
      line.append("step ")
          .append(data.path("step").asText())
          .append(' ')
          .append(data.path("status").asText())
          .append(" attempt ")
          .append(data.path("attempt").asInt());
    } else if (name.equals("run")) {
      line.append("run ").append(data.path("run").asText()).append(' ');
      line.append(data.path("status").asText());
      if (!data.path("failedStep").asText("").isEmpty()) {
        line.append(" failed step ").append(data.path("failedStep").asText());
      }
    } else {
      line.append(name).append(' ').append(data);
    }
    if (!data.path("error").asText("").isEmpty()) {
      line.append(": ").append(data.path("error").asText());
    }
    out.println(line);
    out.flush();
  }

  private static ObjectNode event(String name, JsonNode data) {
    ObjectNode event = ApiClient.JSON.createObjectNode();
    event.put("event", name);
    event.set("data", data);
    return event;
  }

  private static JsonNode parse(String data) {
    try {
      return ApiClient.JSON.readTree(data);
    } catch (IOException e) {
      return ApiClient.JSON.getNodeFactory().textNode(data);
    }
  }
}
