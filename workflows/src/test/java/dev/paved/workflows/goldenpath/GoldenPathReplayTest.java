package dev.paved.workflows.goldenpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Guards the workflow's determinism: every recorded history (see {@link RecordHistories}) must
 * replay on the current code, and a change that breaks replay must be caught.
 */
class GoldenPathReplayTest {

  static final List<String> NAMES = RecordedRuns.NAMES;

  @ParameterizedTest
  @FieldSource("NAMES")
  void replaysTheRecordedHistory(String name) throws Exception {
    WorkflowReplayer.replayWorkflowExecution(history(name), GoldenPathWorkflowImpl.class);
  }

  @ParameterizedTest
  @FieldSource("NAMES")
  void catchesAChangeThatBreaksReplay(String name) {
    assertThatThrownBy(
            () ->
                WorkflowReplayer.replayWorkflowExecution(
                    history(name), ExtraActivityGoldenPathWorkflowImpl.class))
        .hasMessageContaining("NonDeterministicException");
  }

  @ParameterizedTest
  @FieldSource("NAMES")
  void replaysAFreshRecordingOfTheSameRun(String name) throws Exception {
    WorkflowReplayer.replayWorkflowExecution(
        RecordedRuns.record(name), GoldenPathWorkflowImpl.class);
  }

  /** A re-recording that captured the wrong run would make the replay tests prove less. */
  @ParameterizedTest
  @FieldSource("NAMES")
  void theRecordedHistoryIsTheRunItIsNamedAfter(String name) throws IOException {
    List<HistoryEvent> events = WorkflowExecutionHistory.fromJson(history(name)).getEvents();

    assertThat(events.get(events.size() - 1).getEventType())
        .isEqualTo(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED);
    List<String> activities =
        events.stream()
            .filter(HistoryEvent::hasActivityTaskScheduledEventAttributes)
            .map(e -> e.getActivityTaskScheduledEventAttributes().getActivityType().getName())
            .toList();
    assertThat(activities)
        .contains("PublishGithub", "VaultSecrets", "RecordRun", "DeleteWorkspace");
    if (name.equals(RecordedRuns.ROLLED_BACK)) {
      assertThat(activities)
          .contains("UndoVaultSecrets", "UndoGrafanaDashboard", "UndoPublishGithub")
          .doesNotContain("K8sManifests", "CatalogRegister");
    } else {
      assertThat(activities)
          .contains("K8sManifests", "CatalogRegister")
          .doesNotContain("GrafanaDashboard", "UndoPublishGithub");
    }
    if (name.equals(RecordedRuns.EACH_AND_WAIT)) {
      assertThat(activities.stream().filter("PublishGithub"::equals)).hasSize(2);
      assertThat(events)
          .extracting(HistoryEvent::getEventType)
          .contains(EventType.EVENT_TYPE_TIMER_STARTED, EventType.EVENT_TYPE_TIMER_FIRED);
    }
  }

  private static String history(String name) throws IOException {
    try (InputStream in =
        GoldenPathReplayTest.class.getResourceAsStream(RecordedRuns.resource(name))) {
      assertThat(in).as("recorded history " + name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
