package dev.paved.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** One run's timeline. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Show a run: its steps with status, attempts and time, approvals, output links.")
final class RunCommand implements Callable<Integer> {

  private final Session session;

  @Parameters(index = "0", paramLabel = "ID", description = "the run's id (r-...)")
  String id;

  @Mixin OutputOption output;

  RunCommand(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    JsonNode run = session.api().get("/runs/" + ApiClient.encode(id));
    output.print(session.out(), run, r -> RunPrinter.timeline(r, session.out()));
    return ExitCodes.OK;
  }
}
