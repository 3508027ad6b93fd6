package dev.paved.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Starts a run of a template and, unless told not to, follows it to its end. */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description = {
      "Create from a template: paved create java-service name=checkout owner=team-payments",
      "Without values, on a terminal, it asks for each field of the form, page by page.",
      "Follows the run until it ends and prints what it made.",
      "Exit codes: 0 completed, 1 ended otherwise, 2 invalid parameters,"
          + " 3 waiting for approval (--no-wait-approval)."
    })
final class CreateCommand implements Callable<Integer> {

  private final Session session;

  @Parameters(index = "0", paramLabel = "TEMPLATE", description = "the template's name")
  String template;

  @Parameters(
      index = "1..*",
      paramLabel = "KEY=VALUE",
      description = "parameters of the template's form (see 'paved template NAME')")
  List<String> values = new ArrayList<>();

  @Option(
      names = {"-f", "--values"},
      paramLabel = "FILE.yaml",
      description = "parameters from a YAML file; KEY=VALUE words override it")
  Path valuesFile;

  @Option(names = "--dry-run", description = "show what the run would make, and make nothing")
  boolean dryRun;

  @Option(names = "--no-wait", description = "start the run and exit at once with its id")
  boolean noWait;

  @Option(
      names = "--no-wait-approval",
      description = "stop following (exit 3) when the run waits for approval")
  boolean noWaitApproval;

  @Mixin OutputOption output;

  CreateCommand(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    ApiClient api = session.api();
    JsonNode found = api.get("/templates/" + ApiClient.encode(template));
    Map<String, Object> parameters;
    if (values.isEmpty() && valuesFile == null && session.prompt() != null) {
      // no values on a terminal: ask for them as the portal's form would
      parameters = new FormPrompt(session.prompt(), session.out()).ask(found);
    } else {
      parameters = valuesFile == null ? new LinkedHashMap<>() : KeyValues.file(valuesFile);
      parameters.putAll(KeyValues.parse(values, found.path("parameters")));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("template", template);
    body.put("parameters", parameters);
    if (dryRun) {
      return dryRun(api.post("/runs?dryRun=true", body));
    }
    JsonNode run = api.post("/runs", body);
    String id = run.path("id").asText();
    PrintWriter out = session.out();
    if (noWait) {
      output.print(out, run, r -> out.println(RunPrinter.oneLine(r)));
      return ExitCodes.OK;
    }
    if (!output.json()) {
      out.println(
          "Creating " + run.path("serviceKey").asText() + " from " + template + ": run " + id);
      out.flush();
    }
    JsonNode end =
        new RunFollower(api, out, session.terminal(), output.json()).follow(id, !noWaitApproval);
    return ended(end, out);
  }

  /** Prints the run's ending and answers the exit code it means. */
  private int ended(JsonNode run, PrintWriter out) {
    String status = run.path("status").asText();
    String id = run.path("id").asText();
    if (output.json()) {
      OutputOption.printJson(out, run);
    } else {
      switch (status) {
        case "COMPLETED" -> {
          out.println("Completed.");
          RunPrinter.links(run, out);
        }
        case "WAITING_APPROVAL" ->
            out.println("Waiting for approval: an approver runs 'paved approve " + id + "'.");
        case "NEEDS_ATTENTION" -> {
          RunPrinter.failure(run, out);
          out.println(
              "The run needs attention: fix the cause, then 'paved retry "
                  + id
                  + "', or 'paved rollback "
                  + id
                  + "'.");
        }
        case "ROLLING_BACK" -> {
          RunPrinter.failure(run, out);
          RunPrinter.undos(run, out);
          out.println(
              "Some undos are left: Paved tries them again later; 'paved rollback "
                  + id
                  + "' tries them now.");
        }
        default -> {
          out.println("The run ended " + status + ".");
          RunPrinter.failure(run, out);
        }
      }
      out.flush();
    }
    return switch (status) {
      case "COMPLETED" -> ExitCodes.OK;
      case "WAITING_APPROVAL" -> ExitCodes.WAITING_APPROVAL;
      default -> ExitCodes.FAILED;
    };
  }

  private int dryRun(JsonNode report) {
    PrintWriter out = session.out();
    if (output.json()) {
      OutputOption.printJson(out, report);
    } else {
      out.println(
          "Dry run of "
              + report.path("template").asText()
              + " for "
              + report.path("serviceKey").asText()
              + ": "
              + report.path("status").asText()
              + " (nothing was made)");
      Table steps = new Table("step", "action", "status");
      for (JsonNode step : report.path("steps")) {
        steps.row(
            step.path("id").asText(), step.path("action").asText(), step.path("status").asText());
      }
      steps.print(out);
      Table made = new Table("would make", "name", "step");
      for (JsonNode resource : report.path("resources")) {
        made.row(
            resource.path("kind").asText(),
            resource
                .path("name")
                .asText(resource.path("path").asText(resource.path("url").asText())),
            resource.path("step").asText());
      }
      if (!made.isEmpty()) {
        out.println();
        made.print(out);
      }
      out.println(report.path("files").size() + " files in the workspace");
      RunPrinter.failure(report, out);
      out.flush();
    }
    return report.path("status").asText().equals("COMPLETED") ? ExitCodes.OK : ExitCodes.FAILED;
  }
}
