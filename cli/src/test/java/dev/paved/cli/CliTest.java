package dev.paved.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code paved} commands against a real local-mode Paved, each run in-process through picocli
 * with captured output and a config folder of each user's own (never the real ~/.config).
 */
class CliTest {

  static Path root;
  static LocalPaved paved;

  @BeforeAll
  static void start() throws Exception {
    root = Files.createTempDirectory("paved-cli");
    withSecretField(root.resolve("templates"));
    paved = LocalPaved.start(root);
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

  @AfterAll
  static void stop() {
    if (paved != null) {
      paved.close();
    }
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

  @Test
  void loginStoresCredentialsForTheUserOnlyAndWhoamiReadsThem() throws Exception {
    Result login = paved("carol", "login", paved.url(), "--user", "carol", "--password", "carol");
    assertThat(login.exit()).as(login.err()).isZero();
    assertThat(login.out()).contains("Signed in to " + paved.url() + " as carol (team-search)");

    Path file = root.resolve("config-carol/credentials");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(paved("carol", "whoami").out()).contains("carol at " + paved.url());
    assertThat(paved("carol", "whoami", "--output", "json").json().path("name").asText())
        .isEqualTo("carol");

    assertThat(paved("carol", "logout").exit()).isZero();
    Result after = paved("carol", "whoami");
    assertThat(after.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(after.err()).contains("not signed in");
  }

  @Test
  void environmentOverridesTheFileAndNoSecretIsPrinted() {
    Map<String, String> env = new HashMap<>();
    env.put("PAVED_URL", paved.url());
    env.put("PAVED_USER", "sam");
    env.put("PAVED_PASSWORD", "s3cret-not-sams");
    Result refused = paved("nobody", env, "whoami");
    assertThat(refused.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(refused.err()).contains("did not accept the credentials");
    assertThat(refused.out() + refused.err()).doesNotContain("s3cret-not-sams");

    env.put("PAVED_PASSWORD", "sam");
    assertThat(paved("nobody", env, "whoami").out()).contains("sam at");
  }

  @Test
  void templateShowsItsFormAsFields() {
    login("alice");
    assertThat(paved("alice", "templates").out()).contains("java-service");
    Result form = paved("alice", "template", "java-service");
    assertThat(form.exit()).isZero();
    assertThat(form.out())
        .contains("name  (string, required)  Name")
        .contains("pattern ^[a-z]([-a-z0-9]*[a-z0-9])?$")
        .contains("one of experimental, production")
        .contains("default \"experimental\"");
  }

  @Test
  void createFollowsTheRunToTheEndAndPrintsItsLinks() {
    login("alice");
    Result create =
        paved(
            "alice",
            "create",
            "java-service",
            "name=cli-checkout",
            "owner=team-payments",
            "lifecycle=experimental");
    assertThat(create.exit()).as(create.out() + create.err()).isZero();
    assertThat(create.out())
        .contains("run r-")
        .contains("publish SUCCEEDED attempt 1")
        .contains("Completed.")
        .contains("Repository: ")
        .contains("GitOps pull request: ")
        // not a terminal (a CI log): plain lines, no cursor movement
        .doesNotContain("\u001b");
  }

  @Test
  void aProductionServiceWaitsForApprovalUntilAnotherUserApproves() throws Exception {
    login("alice");
    login("bob");
    Result create =
        paved(
            "alice",
            "create",
            "java-service",
            "name=cli-ledger",
            "owner=team-payments",
            "lifecycle=production",
            "--no-wait-approval");
    assertThat(create.exit()).as(create.out() + create.err()).isEqualTo(ExitCodes.WAITING_APPROVAL);
    String id = create.out().replaceAll("(?s).*run (r-[0-9a-f]+).*", "$1");

    assertThat(paved("bob", "approvals").out()).contains(id);
    Result selfApproval = paved("alice", "approve", id, "-m", "mine");
    assertThat(selfApproval.exit()).isEqualTo(ExitCodes.FAILED);

    Result approve = paved("bob", "approve", id, "-m", "ledger for payments");
    assertThat(approve.exit()).as(approve.err()).isZero();
    assertThat(approve.out()).contains("Approved " + id);
    assertThat(awaitEnd(id).path("status").asText()).isEqualTo("COMPLETED");
  }

  @Test
  void anInvalidNameExits2NamingTheField() {
    login("alice");
    Result create =
        paved("alice", "create", "java-service", "name=Not_A_Name", "owner=team-payments");
    assertThat(create.exit()).isEqualTo(ExitCodes.INVALID);
    assertThat(create.err()).contains("do not match template 'java-service'").contains("  name: ");
  }

  @Test
  void runsAsJsonIsTheApiList() throws Exception {
    login("alice");
    Result runs = paved("alice", "runs", "--mine", "--output", "json");
    assertThat(runs.exit()).isZero();
    assertThat(runs.json().path("items").isArray()).isTrue();
    assertThat(paved("alice", "runs", "--status", "NOPE").exit()).isEqualTo(ExitCodes.INVALID);
  }

  @Test
  void usageErrorsExit2() {
    assertThat(paved("alice", "create").exit()).isEqualTo(ExitCodes.INVALID);
    assertThat(paved("alice", "approve", "x-1").exit()).isEqualTo(ExitCodes.INVALID);
  }

  static Map<String, String> signedInAs(String user) {
    return Map.of("PAVED_URL", paved.url(), "PAVED_USER", user, "PAVED_PASSWORD", user);
  }

  static String runId(String out) {
    return out.replaceAll("(?s).*?(r-[0-9a-f]+).*", "$1");
  }

  @Test
  void loginAsksForUserAndPasswordWithoutEchoingThePassword() {
    ScriptedPrompt prompt = new ScriptedPrompt("sam", "sam");
    Result login = paved("sam-asked", Map.of(), prompt, true, "login", paved.url());
    assertThat(login.exit()).as(login.err()).isZero();
    assertThat(login.out()).contains("as sam");
    // local mode's Paved says it takes a password (GET /sign-in/cli)
    assertThat(prompt.questions).containsExactly("User: ", "Password: ");
    assertThat(prompt.secretQuestions).containsExactly("Password: ");
  }

  @Test
  void createWithoutValuesOnATerminalAsksForTheFormPageByPage() throws Exception {
    Pty pty = Pty.paved(signedInAs("alice"), "create", "java-service");
    try (pty) {
      pty.expect("Service  (1/2)").expect("Name *: Lower-case letters").expect("name: ");
      pty.type("Not_A_Name").expect("does not match the pattern").expect("name: ");
      pty.type("pty-checkout").expect("owner: ").type("team-payments");
      pty.expect("description [A Java service made with Paved]: ").type("");
      pty.expect("Deployment  (2/2)").expect("1) Experimental (experimental)");
      pty.expect("lifecycle [experimental]: ").type("1");
      pty.expect("name: pty-checkout").expect("Create with these values? [Y/n] ").type("");
      pty.expect("Completed.").expect("Repository: ");
      assertThat(pty.exitCode()).as(pty.screen()).isZero();
    }
    JsonNode runs = paved("alice", signedInAs("alice"), "runs", "--mine", "-o", "json").json();
    assertThat(runs.toString()).contains("pty-checkout");
  }

  @Test
  void aSecretFieldIsNeitherEchoedNorShown() throws Exception {
    Pty pty = Pty.paved(signedInAs("alice"), "create", "java-service-secret");
    try (pty) {
      pty.expect("name: ").type("pty-secret").expect("token: ").type("hunter2-typed");
      pty.expect("owner: ").type("team-payments").expect("description [").type("");
      pty.expect("lifecycle [experimental]: ").type("");
      pty.expect("token: " + FormPrompt.HIDDEN).expect("Create with these values?").type("n");
      assertThat(pty.exitCode()).isEqualTo(ExitCodes.FAILED);
      assertThat(pty.screen()).contains("nothing was made").doesNotContain("hunter2-typed");
    }
  }

  @Test
  void logsTellWhatHappenedAndFollowTheEventsUntilTheRunEnds() throws Exception {
    login("alice");
    Result started =
        paved(
            "alice", "create", "java-service", "name=cli-logs", "owner=team-payments", "--no-wait");
    assertThat(started.exit()).as(started.err()).isZero();
    String id = runId(started.out());

    Result follow = paved("alice", "logs", id, "--follow");
    assertThat(follow.exit()).as(follow.err()).isZero();
    assertThat(follow.out())
        .containsPattern("\\[\\d\\d:\\d\\d:\\d\\d] run " + id + " RUNNING")
        .contains("step publish SUCCEEDED attempt 1")
        .contains("run " + id + " COMPLETED");

    Result sofar = paved("alice", "logs", id);
    assertThat(sofar.exit()).isZero();
    assertThat(sofar.out())
        .startsWith("step ")
        .contains("step publish SUCCEEDED attempt 1")
        .endsWith("run " + id + " COMPLETED\n");

    JsonNode events = paved("alice", "logs", id, "-o", "json").json().path("items");
    assertThat(events.get(events.size() - 1).path("data").path("status").asText())
        .isEqualTo("COMPLETED");
    Result streamed = paved("alice", "logs", id, "--follow", "-o", "json");
    for (String line : streamed.out().split("\n")) {
      assertThat(ApiClient.JSON.readTree(line).path("event").asText()).isIn("run", "step");
    }
    assertThat(paved("alice", "logs", "r-0000000000").exit()).isEqualTo(ExitCodes.FAILED);
  }

  @Test
  void theLiveDisplayRedrawsOnATerminal() {
    login("alice");
    Result create =
        paved(
            "alice",
            Map.of(),
            null,
            true,
            "create",
            "java-service",
            "name=cli-live",
            "owner=team-payments");
    assertThat(create.exit()).as(create.err()).isZero();
    assertThat(create.out()).contains("\u001b[").contains("✓ publish").contains("Completed.");
  }

  @Test
  void everyCommandAnswersJson() throws Exception {
    login("pat");
    Result started =
        paved(
            "pat",
            "create",
            "java-service",
            "name=cli-json",
            "owner=team-payments",
            "--no-wait",
            "-o",
            "json");
    String id = started.json().path("id").asText();
    awaitEnd("pat", id);
    String[][] commands = {
      {"login", paved.url(), "--user", "pat", "--password", "pat"},
      {"whoami"},
      {"templates"},
      {"template", "java-service"},
      {"create", "java-service", "name=cli-json-dry", "owner=team-payments", "--dry-run"},
      {"runs"},
      {"run", id},
      {"logs", id},
      {"approvals"},
      {"access", "list"},
      {"catalog", "search", "cli-json"},
      {"catalog", "get", "cli-json"},
    };
    for (String[] command : commands) {
      json("pat", command);
    }
    // a production run: cancelled while it waits, re-run, and approved by another user
    String production =
        json(
                "pat",
                "create",
                "java-service",
                "name=cli-json-prod",
                "owner=team-payments",
                "lifecycle=production",
                "--no-wait")
            .path("id")
            .asText();
    json("pat", "cancel", production);
    assertThat(awaitEnd("pat", production).path("status").asText()).isEqualTo("CANCELLED");
    String again = json("pat", "rerun", production).path("id").asText();
    awaitStatus("pat", again, "WAITING_APPROVAL");
    login("bob");
    json("bob", "approve", again, "-m", "json");
    assertThat(awaitEnd("pat", again).path("status").asText()).isEqualTo("COMPLETED");
    // an access request to the service, which its owning team turns down
    String access =
        json(
                "pat",
                "access",
                "request",
                "cli-json",
                "--env",
                "production",
                "--role",
                "read",
                "--for",
                "1h",
                "--reason",
                "INC-4711")
            .path("id")
            .asText();
    json("bob", "reject", access, "-m", "not today");
    json("pat", "logout");
  }

  /** Runs a command with --output json: it exits 0 and prints one JSON document. */
  private static JsonNode json(String user, String... command) throws Exception {
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

  private static void awaitStatus(String user, String id, String status) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (Instant.now().isBefore(deadline)) {
      if (json(user, "run", id).path("status").asText().equals(status)) {
        return;
      }
      Thread.sleep(300);
    }
    throw new AssertionError("run " + id + " never reached " + status);
  }

  @Test
  void completionNamesTemplatesAndRunsFromPavedAndIsQuietWhenSignedOut() throws Exception {
    login("alice");
    Result templates = paved("alice", "__complete", "templates");
    assertThat(templates.exit()).isZero();
    assertThat(templates.out().lines()).contains("java-service");
    Result signedOut = paved("nobody-signed-in", "__complete", "runs");
    assertThat(signedOut.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(signedOut.out() + signedOut.err()).isEmpty();

    Path bin = Files.createDirectories(root.resolve("bin"));
    Path wrapper = bin.resolve("paved");
    Files.writeString(
        wrapper,
        "#!/bin/sh\nexec '"
            + ProcessHandle.current().info().command().orElse("java")
            + "' -cp '"
            + System.getProperty("java.class.path")
            + "' dev.paved.cli.PavedCli \"$@\"\n");
    wrapper.toFile().setExecutable(true);
    Path script = root.resolve("paved.bash");
    Files.writeString(script, paved("alice", "completion", "bash").out());

    assertThat(complete(script, signedInAs("alice"), "paved", "create", "java-s"))
        .containsExactly("java-service", "java-service-postgres", "java-service-secret");
    assertThat(complete(script, signedInAs("alice"), "paved", "lo"))
        .containsExactlyInAnyOrder("login", "logout", "logs");
    assertThat(complete(script, signedInAs("alice"), "paved", "access", "re"))
        .containsExactlyInAnyOrder("request", "revoke");
    assertThat(complete(script, signedInAs("alice"), "paved", "create", "--no-w"))
        .containsExactlyInAnyOrder("--no-wait", "--no-wait-approval");
    assertThat(complete(script, signedInAs("alice"), "paved", "runs", "-o", ""))
        .containsExactlyInAnyOrder("table", "json");
    String runId =
        runId(
            paved(
                    "alice",
                    "create",
                    "java-service",
                    "name=cli-tab",
                    "owner=team-payments",
                    "--no-wait")
                .out());
    assertThat(complete(script, signedInAs("alice"), "paved", "logs", "--follow", "r-"))
        .contains(runId);
    // signed out: nothing offered, nothing printed over the command being typed
    assertThat(
            complete(
                script,
                Map.of("XDG_CONFIG_HOME", root.resolve("nobody").toString()),
                "paved",
                "run",
                ""))
        .isEmpty();

    String zsh = paved("alice", "completion", "zsh").out();
    assertThat(zsh).startsWith("#compdef paved").contains("bashcompinit").contains("_paved()");
    assertThat(paved("alice", "completion", "fish").exit()).isEqualTo(ExitCodes.INVALID);
  }

  /** What bash offers for the words typed, the last being completed; stderr must stay empty. */
  private static java.util.List<String> complete(
      Path script, Map<String, String> env, String... words) throws Exception {
    StringBuilder array = new StringBuilder();
    for (String word : words) {
      array.append(" '").append(word).append("'");
    }
    ProcessBuilder bash =
        new ProcessBuilder(
            "bash",
            "-c",
            "source '"
                + script
                + "'; COMP_WORDS=("
                + array
                + "); COMP_CWORD="
                + (words.length - 1)
                + "; _paved; printf '%s\\n' \"${COMPREPLY[@]}\"");
    bash.environment().putAll(env);
    bash.environment().put("PATH", root.resolve("bin") + ":" + System.getenv("PATH"));
    Process process = bash.start();
    String out = new String(process.getInputStream().readAllBytes());
    String err = new String(process.getErrorStream().readAllBytes());
    assertThat(process.waitFor()).as(err).isZero();
    assertThat(err).isEmpty();
    return out.lines().filter(l -> !l.isEmpty()).toList();
  }

  private static JsonNode awaitEnd(String id) throws Exception {
    return awaitEnd("alice", id);
  }

  private static JsonNode awaitEnd(String user, String id) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (Instant.now().isBefore(deadline)) {
      JsonNode run = json(user, "run", id);
      String status = run.path("status").asText();
      if (!status.equals("RUNNING") && !status.equals("WAITING_APPROVAL")) {
        return run;
      }
      Thread.sleep(300);
    }
    throw new AssertionError("run " + id + " did not end");
  }
}
