package dev.paved.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** The decisions about a run: retry, roll back, cancel, re-run. Each posts to the run and tells. */
final class RunDecisionCommands {

  private RunDecisionCommands() {}

  abstract static class Decision implements Callable<Integer> {

    final Session session;

    @Parameters(index = "0", paramLabel = "ID", description = "the run's id (r-...)")
    String id;

    @Mixin OutputOption output;

    private final String action;

    /** {@code action}: the run's decision endpoint, {@code /runs/{id}/<action>}. */
    Decision(Session session, String action) {
      this.session = session;
      this.action = action;
    }

    Object body() {
      return null;
    }

    @Override
    public Integer call() {
      JsonNode run = session.api().post("/runs/" + ApiClient.encode(id) + "/" + action, body());
      output.print(session.out(), run, r -> session.out().println(RunPrinter.oneLine(r)));
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "retry",
      mixinStandardHelpOptions = true,
      description =
          "Run the failed step of a run that needs attention again, with corrected parameters"
              + " (KEY=VALUE; KEY= removes one), and go on.")
  static final class Retry extends Decision {

    @Parameters(index = "1..*", paramLabel = "KEY=VALUE", description = "corrected parameters")
    List<String> values = new ArrayList<>();

    Retry(Session session) {
      super(session, "retry");
    }

    @Override
    Object body() {
      if (values.isEmpty()) {
        return Map.of();
      }
      JsonNode run = session.api().get("/runs/" + ApiClient.encode(id));
      JsonNode form =
          session.api().get("/templates/" + ApiClient.encode(run.path("template").asText()));
      return java.util.Collections.singletonMap(
          "parameters", KeyValues.parse(values, form.path("parameters")));
    }
  }

  @Command(
      name = "rollback",
      mixinStandardHelpOptions = true,
      description = "Undo what a run that needs attention made; it ends ROLLED_BACK.")
  static final class Rollback extends Decision {
    Rollback(Session session) {
      super(session, "rollback");
    }
  }

  @Command(
      name = "cancel",
      mixinStandardHelpOptions = true,
      description = "Stop a run in flight after its current step and undo what it made.")
  static final class Cancel extends Decision {
    Cancel(Session session) {
      super(session, "cancel");
    }
  }

  @Command(
      name = "rerun",
      mixinStandardHelpOptions = true,
      description = "Start a new run of an ended run's plan and parameters.")
  static final class Rerun extends Decision {
    Rerun(Session session) {
      super(session, "rerun");
    }
  }
}
