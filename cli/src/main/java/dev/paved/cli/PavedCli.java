package dev.paved.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code paved}: Paved's command line, a thin client of its API. */
@Command(
    name = "paved",
    mixinStandardHelpOptions = true,
    version = "paved 0.1.0",
    description =
        "Create services from golden paths, follow their runs, decide and ask for access.",
    subcommands = {
      LoginCommand.class,
      LogoutCommand.class,
      WhoamiCommand.class,
      TemplatesCommand.class,
      TemplateCommand.class,
      CreateCommand.class,
      RunsCommand.class,
      RunCommand.class,
      LogsCommand.class,
      RunDecisionCommands.Retry.class,
      RunDecisionCommands.Rollback.class,
      RunDecisionCommands.Cancel.class,
      RunDecisionCommands.Rerun.class,
      ApprovalsCommand.class,
      DecideCommand.Approve.class,
      DecideCommand.Reject.class,
      AccessCommand.class,
      CatalogCommand.class,
      CompletionCommand.class,
      CompleteCommand.class,
    })
final class PavedCli implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    Session session =
        new Session(
            System.getenv(),
            Session.defaultConfigDir(System.getenv()),
            out,
            err,
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
            System.console() != null,
            Prompt.console(),
            d -> Thread.sleep(d.toMillis()));
    System.exit(commandLine(session).execute(args));
  }

  /** The command line over a session: every command gets it through its constructor. */
  static CommandLine commandLine(Session session) {
    CommandLine cli = new CommandLine(new PavedCli(), new SessionFactory(session));
    cli.setOut(session.out());
    cli.setErr(session.err());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parsed) -> {
          PrintWriter err = commandLine.getErr();
          if (e instanceof ApiException api) {
            return Problems.print(api, err);
          }
          if (e instanceof CliException cli2) {
            err.println("paved: " + cli2.getMessage());
            err.flush();
            return cli2.exitCode();
          }
          throw e;
        });
    return cli;
  }

  /** Makes commands that take the {@link Session} in their constructor; others as picocli does. */
  private record SessionFactory(Session session) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      try {
        Constructor<K> withSession = type.getDeclaredConstructor(Session.class);
        withSession.setAccessible(true);
        return withSession.newInstance(session);
      } catch (NoSuchMethodException e) {
        return CommandLine.defaultFactory().create(type);
      }
    }
  }
}
