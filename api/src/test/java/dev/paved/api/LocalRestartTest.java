package dev.paved.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Stopping {@code ./paved up} mid-run loses no run: the embedded Temporal server forgets it, and
 * the next start on the same data folder starts it again from its record and finishes it, making
 * nothing twice.
 */
@ExtendWith(OutputCaptureExtension.class)
class LocalRestartTest {

  @TempDir Path root;

  @Test
  void aRunInFlightWhenPavedStopsCompletesAfterTheNextStart(CapturedOutput output)
      throws Exception {
    Path dataDir = Files.createDirectories(root.resolve("data"));
    String runId;
    try (LocalPaved first = LocalPaved.start(dataDir)) {
      runId =
          first
              .startRun("waits-mid-run", Map.of("name", "phoenix", "owner", "team-restart"))
              .path("id")
              .asText();
      first.awaitRun(runId, LocalPaved.stepRunning("wait"));
    }
    assertThat(WorkerCrashTest.commits(dataDir.resolve("git/team-restart/phoenix.git"), "main"))
        .isEqualTo(1);

    try (LocalPaved second = LocalPaved.start(dataDir)) {
      JsonNode run = second.awaitEnd(runId);

      assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("COMPLETED");
      assertThat(run.path("recoveries").asInt()).isEqualTo(1);
      assertThat(run.path("recoveredAt").isNull()).isFalse();
      assertThat(output.getOut())
          .containsPattern("RunRecovery .*Run " + runId + " .*started again.*\\(recovery 1\\)");
      // the repository the first start made was adopted, not made again
      assertThat(WorkerCrashTest.commits(dataDir.resolve("git/team-restart/phoenix.git"), "main"))
          .isEqualTo(1);
      assertThat(second.get("/api/v1/pull-requests").path("items"))
          .filteredOn(p -> p.path("branch").asText().equals("paved/phoenix"))
          .hasSize(1);
    }
  }
}
