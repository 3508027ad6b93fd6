package dev.paved.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code paved __complete templates|runs|approvals}: names for the completion script, one a line,
 * asked of the API. Quiet: not signed in, or Paved away, it prints nothing and exits 1, so a TAB
 * never fills the terminal with errors.
 */
@Command(name = "__complete", hidden = true)
final class CompleteCommand implements Callable<Integer> {

  enum Kind {
    templates,
    runs,
    approvals
  }

  private final Session session;

  @Parameters(index = "0")
  Kind kind;

  CompleteCommand(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    JsonNode items;
    try {
      ApiClient api = session.api();
      items =
          switch (kind) {
            case templates -> api.get("/templates").path("items");
            case runs -> api.get("/runs?limit=100").path("items");
            case approvals -> api.get("/approvals").path("items");
          };
    } catch (RuntimeException e) {
      return ExitCodes.FAILED;
    }
    for (JsonNode item : items) {
      session.out().println(item.path(kind == Kind.templates ? "name" : "id").asText());
    }
    session.out().flush();
    return ExitCodes.OK;
  }
}
