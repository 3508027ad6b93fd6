package dev.paved.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Console;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Signs in and keeps the URL and credentials in the config folder, readable by the user only. */
@Command(
    name = "login",
    mixinStandardHelpOptions = true,
    description = {
      "Sign in to Paved and remember it in ~/.config/paved/credentials (mode 0600).",
      "Local mode: a user and password, asked on the terminal when not given.",
      "Scripts can skip this: PAVED_URL with PAVED_TOKEN or PAVED_USER and PAVED_PASSWORD."
    })
final class LoginCommand implements Callable<Integer> {

  private final Session session;

  @Parameters(
      index = "0",
      arity = "0..1",
      description = "Paved's address (default: ${DEFAULT-VALUE})")
  String url;

  @Option(
      names = {"-u", "--user"},
      description = "user name")
  String user;

  @Option(
      names = {"-p", "--password"},
      description = "password (asked on the terminal when left out)",
      arity = "0..1",
      interactive = true)
  char[] password;

  @Option(
      names = "--token",
      description = "a bearer token instead of user and password",
      arity = "0..1",
      interactive = true)
  char[] token;

  @Mixin OutputOption output;

  LoginCommand(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() throws IOException {
    Credentials known = Credentials.read(session.configDir());
    String target =
        strip(
            url != null
                ? url
                : session
                    .env()
                    .getOrDefault(
                        "PAVED_URL", known != null ? known.url() : Credentials.DEFAULT_URL));
    Credentials credentials;
    if (token != null) {
      credentials = new Credentials(target, null, null, new String(token));
    } else {
      Console console = System.console();
      String name = user != null ? user : ask(console, "User: ");
      char[] secret = password != null ? password : askSecret(console, "Password: ");
      credentials = new Credentials(target, name, new String(secret), null);
    }
    JsonNode me;
    try {
      me = new ApiClient(credentials).get("/me");
    } catch (ApiException e) {
      if (e.status() == 401) {
        throw new CliException("Paved at " + target + " refused the sign-in");
      }
      throw e;
    }
    credentials.write(session.configDir());
    if (output.json()) {
      OutputOption.printJson(session.out(), me);
    } else {
      session
          .out()
          .println(
              "Signed in to "
                  + target
                  + " as "
                  + me.path("name").asText()
                  + " ("
                  + Problems.join(me.path("groups"))
                  + ")");
    }
    session.out().flush();
    return ExitCodes.OK;
  }

  private static String ask(Console console, String prompt) {
    if (console == null) {
      throw new CliException(
          "no terminal to ask on: give --user and --password (or set PAVED_USER and PAVED_PASSWORD)",
          ExitCodes.INVALID);
    }
    String answer = console.readLine(prompt);
    if (answer == null || answer.isBlank()) {
      throw new CliException("no user given", ExitCodes.INVALID);
    }
    return answer.trim();
  }

  private static char[] askSecret(Console console, String prompt) {
    if (console == null) {
      throw new CliException(
          "no terminal to ask on: give --password (or set PAVED_PASSWORD)", ExitCodes.INVALID);
    }
    char[] answer = console.readPassword(prompt);
    return answer == null ? new char[0] : answer;
  }

  private static String strip(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
