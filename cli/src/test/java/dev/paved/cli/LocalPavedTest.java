package dev.paved.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;

/**
 * A real local-mode Paved for the {@code paved} commands, each run in-process through picocli with
 * captured output and a config folder of each user's own (never the real ~/.config), and what a
 * user types, as helpers.
 */
abstract class LocalPavedTest {

  static Path root;
  static LocalPaved paved;

  /** One Paved for every test class in the JVM: it takes a minute to start on these machines. */
  @BeforeAll
  static synchronized void start() throws Exception {
    if (paved == null) {
      root = Files.createTempDirectory("paved-cli");
      withSecretField(root.resolve("templates"));
      // Spring closes it when the test JVM exits
      paved = LocalPaved.start(root);
    }
  }

  /** java-service with a password field too: the prompt must not echo it nor show it. */
  private static void withSecretField(Path templates) throws Exception {
    Path dir = Files.createDirectories(templates.resolve("java-service-secret"));
    String yaml = Files.readString(Path.of("../templates/java-service/template.yaml"));
    yaml =
        yaml.replaceFirst("\n  name: java-service\n", "\n  name: java-service-secret\n")
            .replace("required: [name, owner]", "required: [name, owner, token]")
            .replace(
                "          ui:autofocus: true\n",
                "          ui:autofocus: true\n"
                    + "        token:\n"
                    + "          title: Deploy token\n"
                    + "          type: string\n"
                    + "          ui:widget: password\n");
    Files.writeString(dir.resolve("template.yaml"), yaml);
  }

  record Result(int exit, String out, String err) {
    JsonNode json() throws Exception {
      return ApiClient.JSON.readTree(out);
    }
  }

  /** Runs {@code paved args} as the user whose config folder is {@code user}'s. */
  static Result paved(String user, Map<String, String> env, String... args) {
    return paved(user, env, null, false, args);
  }

  /** The same, with a person answering at {@code prompt}, stdout a terminal or not. */
  static Result paved(
      String user, Map<String, String> env, Prompt prompt, boolean terminal, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Session session =
        new Session(
            env,
            root.resolve("config-" + user),
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            new BufferedReader(new StringReader("")),
            terminal,
            prompt,
            d -> Thread.sleep(d.toMillis()));
    int exit = PavedCli.commandLine(session).execute(args);
    return new Result(exit, out.toString(), err.toString());
  }

  static Result paved(String user, String... args) {
    return paved(user, Map.of(), args);
  }

  static void login(String user) {
    Result login = paved(user, "login", paved.url(), "--user", user, "--password", user);
    assertThat(login.exit()).as(login.err()).isZero();
  }

  static Map<String, String> signedInAs(String user) {
    return Map.of("PAVED_URL", paved.url(), "PAVED_USER", user, "PAVED_PASSWORD", user);
  }

  static String runId(String out) {
    return out.replaceAll("(?s).*?(r-[0-9a-f]+).*", "$1");
  }

  /** Runs a command with --output json: it exits 0 and prints one JSON document. */
  static JsonNode json(String user, String... command) throws Exception {
    String[] args =
        java.util.stream.Stream.concat(
                java.util.Arrays.stream(command), java.util.stream.Stream.of("--output", "json"))
            .toArray(String[]::new);
    Result result = paved(user, args);
    assertThat(result.exit()).as(String.join(" ", command) + ": " + result.err()).isZero();
    JsonNode json = result.json();
    assertThat(json.isContainerNode()).as(String.join(" ", command)).isTrue();
    return json;
  }

  static void awaitStatus(String user, String id, String status) {
    await("run " + id + " reaching " + status)
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(300))
        .until(() -> json(user, "run", id).path("status").asText().equals(status));
  }

  static JsonNode awaitEnd(String id) {
    return awaitEnd("alice", id);
  }

  static JsonNode awaitEnd(String user, String id) {
    return await("run " + id + " to end")
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> json(user, "run", id),
            run -> !List.of("RUNNING", "WAITING_APPROVAL").contains(run.path("status").asText()));
  }
}
