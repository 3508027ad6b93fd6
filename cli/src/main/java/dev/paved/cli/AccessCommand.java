package dev.paved.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Production access for a limited time: ask, list, end early. */
@Command(
    name = "access",
    mixinStandardHelpOptions = true,
    description = "Ask for production access for a limited time, list requests, revoke a grant.",
    subcommands = {
      AccessCommand.Request.class,
      AccessCommand.ListRequests.class,
      AccessCommand.Revoke.class
    })
final class AccessCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "request",
      mixinStandardHelpOptions = true,
      description =
          "Ask for access: paved access request checkout --env production --role read --for 1h --reason INC-4711")
  static final class Request implements Callable<Integer> {

    private final Session session;

    @Parameters(
        index = "0",
        paramLabel = "SERVICE",
        description = "a catalog ref or a component's name")
    String service;

    @Option(names = "--env", required = true, description = "the environment, e.g. production")
    String environment;

    @Option(names = "--role", required = true, description = "the role, e.g. read")
    String role;

    @Option(
        names = "--for",
        required = true,
        paramLabel = "DURATION",
        description = "how long: 30m, 1h, 2h30m or ISO-8601 (PT1H)")
    String duration;

    @Option(names = "--reason", required = true, description = "why, e.g. an incident id")
    String reason;

    @Option(
        names = "--break-glass",
        description = "grant at once (on-call only), reviewed afterwards")
    boolean breakGlass;

    @Mixin OutputOption output;

    Request(Session session) {
      this.session = session;
    }

    @Override
    public Integer call() {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("service", service);
      body.put("environment", environment);
      body.put("role", role);
      body.put("reason", reason);
      body.put("duration", isoDuration(duration).toString());
      body.put("breakGlass", breakGlass);
      JsonNode request = session.api().post("/access-requests", body);
      output.print(
          session.out(),
          request,
          r ->
              session
                  .out()
                  .println(
                      "access request "
                          + r.path("id").asText()
                          + " "
                          + r.path("status").asText()
                          + " (approvers "
                          + Problems.join(r.path("approvers").path("groups"))
                          + ")"));
      return ExitCodes.OK;
    }
  }

  /** 1h, 30m, 2h30m, 1d or an ISO-8601 duration. */
  static Duration isoDuration(String text) {
    String upper = text.trim().toUpperCase();
    try {
      if (upper.startsWith("P")) {
        return Duration.parse(upper);
      }
      if (upper.endsWith("D")) {
        return Duration.parse("P" + upper);
      }
      return Duration.parse("PT" + upper);
    } catch (DateTimeParseException e) {
      throw new CliException(
          "--for: '" + text + "' is not a duration such as 30m, 1h or PT1H", ExitCodes.INVALID);
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the access requests you may see, newest first.")
  static final class ListRequests implements Callable<Integer> {

    private final Session session;

    @Option(names = "--mine", description = "only your own requests")
    boolean mine;

    @Option(names = "--status", description = "only requests in this status, e.g. ACTIVE")
    String status;

    @Mixin OutputOption output;

    ListRequests(Session session) {
      this.session = session;
    }

    @Override
    public Integer call() {
      Map<String, Object> query = new LinkedHashMap<>();
      query.put("mine", mine);
      query.put("status", status == null ? null : status.toUpperCase());
      JsonNode list = session.api().get("/access-requests" + ApiClient.query(query));
      if (output.json()) {
        OutputOption.printJson(session.out(), list);
        return ExitCodes.OK;
      }
      Table table =
          new Table("id", "status", "service", "env", "role", "for", "requested by", "expires");
      for (JsonNode r : list.path("items")) {
        table.row(
            r.path("id").asText(),
            r.path("status").asText(),
            r.path("service").asText(),
            r.path("environment").asText(),
            r.path("role").asText(),
            r.path("duration").asText(),
            r.path("requestedBy").asText(),
            r.path("expiresAt").asText(""));
      }
      table.print(session.out());
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "revoke",
      mixinStandardHelpOptions = true,
      description = "End granted access before its time.")
  static final class Revoke implements Callable<Integer> {

    private final Session session;

    @Parameters(index = "0", paramLabel = "ID", description = "the access request's id (a-...)")
    String id;

    @Option(
        names = {"-m", "--message"},
        description = "why")
    String comment;

    @Mixin OutputOption output;

    Revoke(Session session) {
      this.session = session;
    }

    @Override
    public Integer call() {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("comment", comment);
      JsonNode request =
          session.api().post("/access-requests/" + ApiClient.encode(id) + "/revoke", body);
      output.print(
          session.out(),
          request,
          r -> session.out().println("access " + id + " " + r.path("status").asText()));
      return ExitCodes.OK;
    }
  }
}
