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
    paved = LocalPaved.start(root);
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
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Session session =
        new Session(
            env,
            root.resolve("config-" + user),
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            new BufferedReader(new StringReader("")),
            false);
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
        .contains("GitOps pull request: ");
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

  private static JsonNode awaitEnd(String id) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (Instant.now().isBefore(deadline)) {
      JsonNode run = paved("alice", "run", id, "--output", "json").json();
      String status = run.path("status").asText();
      if (!status.equals("RUNNING") && !status.equals("WAITING_APPROVAL")) {
        return run;
      }
      Thread.sleep(300);
    }
    throw new AssertionError("run " + id + " did not end");
  }
}
