package dev.paved.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Who Paved takes the caller for. */
@Command(
    name = "whoami",
    mixinStandardHelpOptions = true,
    description = "Show who you are signed in as, and your teams.")
final class WhoamiCommand implements Callable<Integer> {

  private final Session session;

  @Mixin OutputOption output;

  WhoamiCommand(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    ApiClient api = session.api();
    JsonNode me = api.get("/me");
    if (output.json()) {
      OutputOption.printJson(session.out(), me);
    } else {
      session.out().println(me.path("name").asText() + " at " + api.url());
      session.out().println("groups:   " + Problems.join(me.path("groups")));
      session.out().println("platform: " + (me.path("platform").asBoolean() ? "yes" : "no"));
      session.out().flush();
    }
    return ExitCodes.OK;
  }
}
