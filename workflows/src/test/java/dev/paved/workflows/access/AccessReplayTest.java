package dev.paved.workflows.access;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.testing.WorkflowReplayer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Guards the access workflow's determinism: the recorded histories replay on the current code, and
 * a change that breaks replay is caught. Record a new scenario with {@code mvn -B -o -q -pl
 * workflows test -Dtest=AccessReplayTest -Dpaved.recordHistories=true}: it writes only the
 * histories that have no file yet (see docs/workflow-changes.md before replacing one).
 */
class AccessReplayTest {

  static final List<String> NAMES = RecordedAccessRequests.NAMES;

  @ParameterizedTest
  @FieldSource("NAMES")
  void replaysTheRecordedHistory(String name) throws Exception {
    WorkflowReplayer.replayWorkflowExecution(history(name), AccessRequestWorkflowImpl.class);
  }

  @ParameterizedTest
  @FieldSource("NAMES")
  void catchesAChangeThatBreaksReplay(String name) {
    assertThatThrownBy(
            () ->
                WorkflowReplayer.replayWorkflowExecution(
                    history(name), ExtraActivityAccessWorkflowImpl.class))
        .hasMessageContaining("NonDeterministicException");
  }

  @Test
  @EnabledIfSystemProperty(named = "paved.recordHistories", matches = "true")
  void recordEveryRequest() throws IOException {
    Path folder = Path.of("src/test/resources/histories");
    for (String name : NAMES) {
      if (Files.exists(folder.resolve(name + ".json"))) {
        continue;
      }
      Files.writeString(
          folder.resolve(name + ".json"),
          RecordedAccessRequests.record(name) + "\n",
          StandardCharsets.UTF_8);
    }
  }

  private static String history(String name) throws IOException {
    try (InputStream in =
        AccessReplayTest.class.getResourceAsStream("/histories/" + name + ".json")) {
      if (in == null) {
        throw new IllegalStateException("no recorded history " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
