package dev.paved.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The golden paths on offer. */
@Command(
    name = "templates",
    mixinStandardHelpOptions = true,
    description = "List the templates (golden paths) you can create from.")
final class TemplatesCommand implements Callable<Integer> {

  private final Session session;

  @Mixin OutputOption output;

  TemplatesCommand(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    JsonNode list = session.api().get("/templates");
    if (output.json()) {
      OutputOption.printJson(session.out(), list);
      return ExitCodes.OK;
    }
    Table table = new Table("name", "type", "version", "title");
    for (JsonNode t : list.path("items")) {
      table.row(
          t.path("name").asText(),
          t.path("type").asText(),
          t.path("version").asText(),
          t.path("title").asText());
    }
    table.print(session.out());
    for (JsonNode refused : list.path("refused")) {
      session.err().println("refused template: " + refused);
    }
    session.err().flush();
    return ExitCodes.OK;
  }
}
