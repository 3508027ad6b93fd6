package dev.paved.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** What waits for the caller's decision. */
@Command(
    name = "approvals",
    mixinStandardHelpOptions = true,
    description = "List the runs and access requests waiting for your decision, oldest first.")
final class ApprovalsCommand implements Callable<Integer> {

  private final Session session;

  @Mixin OutputOption output;

  ApprovalsCommand(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    JsonNode pending = session.api().get("/approvals");
    if (output.json()) {
      OutputOption.printJson(session.out(), pending);
      return ExitCodes.OK;
    }
    Table table = new Table("id", "kind", "requested by", "since", "summary");
    for (JsonNode item : pending.path("items")) {
      table.row(
          item.path("id").asText(),
          item.path("kind").asText(),
          item.path("requestedBy").asText(),
          item.path("requestedAt").asText(),
          item.path("summary").asText());
    }
    table.print(session.out());
    return ExitCodes.OK;
  }
}
