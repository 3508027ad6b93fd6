package dev.paved.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code paved} as a person at a terminal meets it: the form asked in a pseudo-terminal, the live
 * display, and completion in a real bash.
 */
class CliTerminalTest extends LocalPavedTest {

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
      pty.expect("PagerDuty service id: Optional.").expect("pagerdutyServiceId: ").type("");
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
      pty.expect("pagerdutyServiceId: ").type("");
      pty.expect("token: " + FormPrompt.HIDDEN).expect("Create with these values?").type("n");
      assertThat(pty.exitCode()).isEqualTo(ExitCodes.FAILED);
      assertThat(pty.screen()).contains("nothing was made").doesNotContain("hunter2-typed");
    }
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
}
