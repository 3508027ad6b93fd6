package dev.paved.workflows.goldenpath;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Records the histories the replay test checks that have no file yet; off unless asked for. Run
 * from the repository root, then review the new files and commit them:
 *
 * <pre>
 * mvn -B -o -q -pl workflows test -Dtest=RecordHistories -Dpaved.recordHistories=true
 * </pre>
 *
 * A history already kept is never overwritten: it stands for runs recorded by older code, which the
 * current code must still replay. To replace one on purpose, delete its file first (see
 * docs/workflow-changes.md for when that is right).
 */
@EnabledIfSystemProperty(named = "paved.recordHistories", matches = "true")
class RecordHistories {

  /** Surefire runs tests in the module's folder. */
  private static final Path FOLDER = Path.of("src/test/resources/histories");

  @Test
  void recordEveryRunWithoutAHistory() throws IOException {
    Files.createDirectories(FOLDER);
    for (String name : RecordedRuns.NAMES) {
      Path file = FOLDER.resolve(name + ".json");
      if (!Files.exists(file)) {
        Files.writeString(file, RecordedRuns.record(name) + "\n", StandardCharsets.UTF_8);
      }
    }
  }
}
