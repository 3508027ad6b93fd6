package dev.paved.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;

/**
 * The quality gate of the java-service golden path: the repository a run makes builds and passes
 * its own tests with {@code mvn verify}, as its CI will run them.
 */
class GeneratedServiceBuildTest extends EndToEndTest {

  @Test
  void theGeneratedJavaServicePassesMvnVerify() throws Exception {
    JsonNode started =
        startRun(
            "java-service",
            Map.of(
                "name", "ledger-api",
                "owner", "group:default/team-ledger",
                "description", "Ledger & balances <internal>",
                "lifecycle", "production"));
    JsonNode run = awaitEnd(started.path("id").asText());
    assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("COMPLETED");

    Path clone = Files.createTempDirectory("ledger-api");
    String remoteUrl = run.path("output").path("links").get(0).path("url").asText();
    Git.cloneRepository().setURI(remoteUrl).setDirectory(clone.toFile()).call().close();
    assertThat(clone.resolve("src/main/java/service/ledgerapi/Application.java").toFile().isFile())
        .isTrue();

    Path log = Files.createTempFile("ledger-api-build", ".log");
    Process build =
        new ProcessBuilder(List.of("mvn", "-B", "-ntp", "-q", "verify"))
            .directory(clone.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    boolean finished = build.waitFor(10, TimeUnit.MINUTES);
    if (!finished) {
      build.destroyForcibly();
    }
    assertThat(finished && build.exitValue() == 0)
        .as("mvn verify of the generated service failed:%n%s", Files.readString(log))
        .isTrue();
    assertThat(
            clone
                .resolve("target/surefire-reports")
                .toFile()
                .list((dir, name) -> name.endsWith(".txt")))
        .isNotEmpty();
  }
}
