package dev.paved.workflows.goldenpath;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Re-records the histories the replay test checks; off unless asked for. Run from the repository
 * root, then review the diff and commit it:
 *
 * <pre>
 * mvn -B -o -q -pl workflows test -Dtest=RecordHistories -Dpaved.recordHistories=true
 * </pre>
 *
 * Re-record only when a change to the workflow is meant to break replay, and guard the running
 * workflows first (a {@code Workflow.getVersion} branch), or they fail on the next worker.
 */
@EnabledIfSystemProperty(named = "paved.recordHistories", matches = "true")
class RecordHistories {

  /** Surefire runs tests in the module's folder. */
  private static final Path FOLDER = Path.of("src/test/resources/histories");

  @Test
  void recordEveryRun() throws IOException {
    Files.createDirectories(FOLDER);
    for (String name : RecordedRuns.NAMES) {
      Files.writeString(
          FOLDER.resolve(name + ".json"), RecordedRuns.record(name) + "\n", StandardCharsets.UTF_8);
    }
  }
}
