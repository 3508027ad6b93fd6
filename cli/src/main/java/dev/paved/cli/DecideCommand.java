package dev.paved.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Approves or rejects a run's approval step ({@code r-...}) or an access request ({@code a-...}).
 */
abstract class DecideCommand implements Callable<Integer> {

  final Session session;

  @Parameters(
      index = "0",
      paramLabel = "ID",
      description = "a run (r-...) or access request (a-...)")
  String id;

  @Option(
      names = {"-m", "--message"},
      description = "why: kept with the decision")
  String comment;

  @Mixin OutputOption output;

  private final String decision;

  DecideCommand(Session session, String decision) {
    this.session = session;
    this.decision = decision;
  }

  @Override
  public Integer call() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("decision", decision);
    body.put("comment", comment);
    JsonNode answer = session.api().post(path(id) + "/approval", body);
    output.print(
        session.out(),
        answer,
        a ->
            session
                .out()
                .println(
                    (decision.equals("approve") ? "Approved " : "Rejected ")
                        + id
                        + ": now "
                        + a.path("status").asText()));
    return ExitCodes.OK;
  }

  /** The object's address: access requests' ids start with a-, runs' with r-. */
  static String path(String id) {
    if (id.startsWith("a-")) {
      return "/access-requests/" + ApiClient.encode(id);
    }
    if (id.startsWith("r-")) {
      return "/runs/" + ApiClient.encode(id);
    }
    throw new CliException(
        "'" + id + "' is neither a run (r-...) nor an access request (a-...)", ExitCodes.INVALID);
  }

  @Command(
      name = "approve",
      mixinStandardHelpOptions = true,
      description = "Approve a run waiting at an approval step, or an access request.")
  static final class Approve extends DecideCommand {
    Approve(Session session) {
      super(session, "approve");
    }
  }

  @Command(
      name = "reject",
      mixinStandardHelpOptions = true,
      description = "Reject a run waiting at an approval step, or an access request.")
  static final class Reject extends DecideCommand {
    Reject(Session session) {
      super(session, "reject");
    }
  }
}
