package dev.paved.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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
      "With an OIDC issuer (production): a code to enter in your browser (device flow).",
      "Local mode: a user and password, asked on the terminal when not given.",
      "Scripts can skip this: PAVED_URL with PAVED_TOKEN or PAVED_USER and PAVED_PASSWORD.",
      "Exit codes: 0 signed in, 1 refused or unreachable, 2 nothing to sign in with."
    })
final class LoginCommand implements Callable<Integer> {

  /** Where Paved says how to sign in (open, outside /api/v1: nobody is signed in yet). */
  static final String SIGN_IN_PATH = "/sign-in/cli";

  private final Session session;

  @Parameters(
      index = "0",
      arity = "0..1",
      description =
          "Paved's address (default: PAVED_URL, the last one used, or http://localhost:8080)")
  String url;

  @Option(
      names = {"-u", "--user"},
      description = "user name (local mode, or a users file)")
  String user;

  @Option(
      names = {"-p", "--password"},
      description = "password (asked on the terminal when left out)",
      arity = "0..1",
      interactive = true)
  char[] password;

  @Option(
      names = "--token",
      description = "a bearer token instead (not refreshed; PAVED_TOKEN does the same)",
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
    } else if (user != null || password != null) {
      credentials = withPassword(target);
    } else {
      JsonNode signIn = signIn(target);
      credentials =
          signIn.path("method").asText().equals("oidc")
              ? new DeviceLogin(session, output.json()).signIn(target, signIn)
              : withPassword(target);
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

  private Credentials withPassword(String target) {
    String name = user != null ? user : ask("User: ");
    char[] secret = password != null ? password : askSecret("Password: ");
    return new Credentials(target, name, new String(secret), null);
  }

  /**
   * How Paved signs people in: {@code {"method": "oidc", "issuer", "clientId", "scope"}} or {@code
   * {"method": "password"}}; a Paved without the endpoint takes a password.
   */
  private static JsonNode signIn(String target) {
    try {
      HttpResponse<String> response =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(10))
              .build()
              .send(
                  HttpRequest.newBuilder(URI.create(target + SIGN_IN_PATH))
                      .header("Accept", "application/json")
                      .timeout(Duration.ofSeconds(30))
                      .GET()
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return ApiClient.JSON.createObjectNode().put("method", "password");
      }
      return ApiClient.JSON.readTree(response.body());
    } catch (IOException e) {
      throw new CliException(
          "cannot reach Paved at " + target + " (is it running? './paved up'): " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted");
    }
  }

  private String ask(String question) {
    Prompt prompt = session.prompt();
    if (prompt == null) {
      throw new CliException(
          "no terminal to ask on: give --user and --password (or set PAVED_USER and PAVED_PASSWORD)",
          ExitCodes.INVALID);
    }
    String answer = prompt.line(question);
    if (answer == null || answer.isBlank()) {
      throw new CliException("no user given", ExitCodes.INVALID);
    }
    return answer.trim();
  }

  private char[] askSecret(String question) {
    Prompt prompt = session.prompt();
    if (prompt == null) {
      throw new CliException(
          "no terminal to ask on: give --password (or set PAVED_PASSWORD)", ExitCodes.INVALID);
    }
    char[] answer = prompt.secret(question);
    return answer == null ? new char[0] : answer;
  }

  private static String strip(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** The device flow's side of the conversation: what the person is told, what is kept. */
  private record DeviceLogin(Session session, boolean json) {

    Credentials signIn(String target, JsonNode signIn) {
      String issuer = signIn.path("issuer").asText();
      String clientId = signIn.path("clientId").asText("");
      if (clientId.isEmpty()) {
        throw new CliException(
            "Paved at "
                + target
                + " signs people in through "
                + issuer
                + " but names no client for the command line (PAVED_OIDC_CLI_CLIENT_ID):"
                + " sign in with --token, or set PAVED_TOKEN");
      }
      DeviceFlow flow = new DeviceFlow(session.pause());
      DeviceFlow.Endpoints endpoints = flow.discover(issuer);
      DeviceFlow.Authorization authorization =
          flow.start(endpoints, clientId, signIn.path("scope").asText("openid"));
      // with --output json, stdout holds only the answer: tell the person on stderr
      PrintWriter tell = json ? session.err() : session.out();
      tell.println(
          "To sign in, open "
              + authorization.verificationUri()
              + " and enter the code "
              + authorization.userCode());
      if (authorization.verificationUriComplete() != null) {
        tell.println("(or open " + authorization.verificationUriComplete() + ")");
      }
      tell.println("Waiting for you to sign in at " + issuer + "...");
      tell.flush();
      DeviceFlow.Tokens tokens = flow.await(endpoints, clientId, authorization);
      return new Credentials(
          target,
          null,
          null,
          tokens.accessToken(),
          new Credentials.Issuer(
              endpoints.token(), clientId, tokens.refreshToken(), tokens.expiresAt()));
    }
  }
}
