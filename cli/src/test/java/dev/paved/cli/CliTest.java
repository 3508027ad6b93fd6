package dev.paved.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code paved} commands against a real local-mode Paved: sign-in, create, decide, logs, json.
 */
class CliTest extends LocalPavedTest {

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
}
