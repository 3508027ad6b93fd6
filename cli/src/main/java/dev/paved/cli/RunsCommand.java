package dev.paved.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs, newest first. */
@Command(name = "runs", mixinStandardHelpOptions = true, description = "List runs, newest first.")
final class RunsCommand implements Callable<Integer> {

  private final Session session;

  @Option(names = "--status", description = "only runs in this status, e.g. NEEDS_ATTENTION")
  String status;

  @Option(names = "--template", description = "only runs of this template")
  String template;

  @Option(names = "--mine", description = "only the runs you asked for")
  boolean mine;

  @Option(
      names = "--limit",
      description = "at most this many (1..500, default ${DEFAULT-VALUE})",
      defaultValue = "50")
  int limit;

  @Mixin OutputOption output;

  RunsCommand(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    Map<String, Object> query = new LinkedHashMap<>();
    query.put("status", status == null ? null : status.toUpperCase());
    query.put("template", template);
    query.put("mine", mine);
    query.put("limit", limit);
    JsonNode runs = session.api().get("/runs" + ApiClient.query(query));
    if (output.json()) {
      OutputOption.printJson(session.out(), runs);
      return ExitCodes.OK;
    }
    Table table = new Table("id", "status", "template", "service", "requested by", "created");
    for (JsonNode run : runs.path("items")) {
      table.row(
          run.path("id").asText(),
          run.path("status").asText(),
          run.path("template").asText(),
          run.path("serviceKey").asText(),
          run.path("requestedBy").asText(),
          run.path("createdAt").asText());
    }
    table.print(session.out());
    return ExitCodes.OK;
  }
}
