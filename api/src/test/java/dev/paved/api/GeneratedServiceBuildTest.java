package dev.paved.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The quality gate of the Java golden paths: the repository a run makes builds and passes its own
 * tests with {@code mvn verify}, as its CI will run them (the PostgreSQL variant's tests run on H2
 * in PostgreSQL mode, with its Flyway migrations).
 */
class GeneratedServiceBuildTest extends EndToEndTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"java-service", "java-service-postgres"})
  void theGeneratedJavaServicePassesMvnVerify(String template) throws Exception {
    String name = template.equals("java-service") ? "ledger-api" : "ledger-db";
    JsonNode started =
        startRun(
            template,
            Map.of(
                "name", name,
                "owner", "group:default/team-ledger",
                "description", "Ledger & balances <internal>",
                "lifecycle", "production"));
    JsonNode run = approveAndAwaitEnd(started.path("id").asText());
    assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("COMPLETED");

    Path clone = Files.createTempDirectory(name);
    String remoteUrl = run.path("output").path("links").get(0).path("url").asText();
    Git.cloneRepository().setURI(remoteUrl).setDirectory(clone.toFile()).call().close();
    String javaPackage = name.replace("-", "");
    assertThat(clone.resolve("src/main/java/service/" + javaPackage + "/Application.java"))
        .isRegularFile();

    Path log = Files.createTempFile(name + "-build", ".log");
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
                .list((dir, file) -> file.endsWith(".txt")))
        .isNotEmpty();
  }
}
