package dev.paved.workflows.goldenpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Guards the workflow's determinism: every recorded history (see {@link RecordHistories}) must
 * replay on the current code, and a change that breaks replay must be caught.
 */
class GoldenPathReplayTest {

  static final List<String> NAMES = RecordedRuns.NAMES;

  /** Never started: it only lends its workers to the replayer. */
  private static TestWorkflowEnvironment env;

  private static final AtomicInteger workers = new AtomicInteger();

  @BeforeAll
  static void createEnvironment() {
    env = TestWorkflowEnvironment.newInstance();
  }

  @AfterAll
  static void closeEnvironment() {
    env.close();
  }

  @ParameterizedTest
  @FieldSource("NAMES")
  void replaysTheRecordedHistory(String name) throws Exception {
    replay(history(name), GoldenPathWorkflowImpl.class);
  }

  @ParameterizedTest
  @FieldSource("NAMES")
  void catchesAChangeThatBreaksReplay(String name) {
    assertThatThrownBy(() -> replay(history(name), ExtraActivityGoldenPathWorkflowImpl.class))
        .hasMessageContaining("NonDeterministicException");
  }

  static final List<String> PAUSED =
      NAMES.stream().filter(n -> n.contains("pause") || n.contains("retried")).toList();

  /** Changing what a paused run does breaks the runs that paused; the others still replay. */
  @ParameterizedTest
  @FieldSource("NAMES")
  void catchesAChangeToTheFailurePolicyOnlyInRunsThatPaused(String name) throws Exception {
    if (PAUSED.contains(name)) {
      assertThatThrownBy(() -> replay(history(name), ImmediateRollbackGoldenPathWorkflowImpl.class))
          .hasMessageContaining("NonDeterministicException");
    } else {
      replay(history(name), ImmediateRollbackGoldenPathWorkflowImpl.class);
    }
  }

  @ParameterizedTest
  @FieldSource("NAMES")
  void replaysAFreshRecordingOfTheSameRun(String name) throws Exception {
    replay(RecordedRuns.record(name), GoldenPathWorkflowImpl.class);
  }

  /** A re-recording that captured the wrong run would make the replay tests prove less. */
  @ParameterizedTest
  @FieldSource("NAMES")
  void theRecordedHistoryIsTheRunItIsNamedAfter(String name) throws IOException {
    List<HistoryEvent> events = WorkflowExecutionHistory.fromJson(history(name)).getEvents();

    HistoryEvent last = events.get(events.size() - 1);
    assertThat(last.getEventType()).isEqualTo(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED);
    RunProgress result =
        DefaultDataConverter.newDefaultInstance()
            .fromPayloads(
                0,
                Optional.of(last.getWorkflowExecutionCompletedEventAttributes().getResult()),
                RunProgress.class,
                RunProgress.class);
    assertThat(result.status()).isEqualTo(RecordedRuns.expected(name));
    List<String> activities =
        events.stream()
            .filter(HistoryEvent::hasActivityTaskScheduledEventAttributes)
            .map(e -> e.getActivityTaskScheduledEventAttributes().getActivityType().getName())
            .toList();
    List<String> updates =
        events.stream()
            .filter(HistoryEvent::hasWorkflowExecutionUpdateAcceptedEventAttributes)
            .map(
                e ->
                    e.getWorkflowExecutionUpdateAcceptedEventAttributes()
                        .getAcceptedRequest()
                        .getInput()
                        .getName())
            .toList();
    List<EventType> types = events.stream().map(HistoryEvent::getEventType).toList();
    List<String> markers =
        events.stream()
            .filter(HistoryEvent::hasMarkerRecordedEventAttributes)
            .map(e -> e.getMarkerRecordedEventAttributes().getDetailsMap().toString())
            .toList();
    long records = activities.stream().filter("RecordRun"::equals).count();
    List<String> workspaceSteps = List.of("FetchTemplate", "K8sManifests");
    if (name.endsWith("-records-at-waits")) {
      // Recorded where the run starts, waits or ends only: never once per step.
      assertThat(markers).anyMatch(m -> m.contains(RunRecords.RECORDS_AT_WAITS));
      // start and end; an approval adds its wait, its first of two approvals and the run again
      assertThat(records).isEqualTo(name.startsWith("approv") ? 5 : 2);
      // workspace steps ran as local activities: markers, not activities scheduled on a queue
      assertThat(markers).anyMatch(m -> m.contains(ActionCalls.WORKSPACE_STEPS_LOCAL));
      assertThat(activities).doesNotContainAnyElementsOf(workspaceSteps);
      assertThat(markers).anyMatch(m -> m.contains("FetchTemplate"));
    } else {
      assertThat(markers).noneMatch(m -> m.contains(RunRecords.RECORDS_AT_WAITS));
      assertThat(markers).noneMatch(m -> m.contains(ActionCalls.WORKSPACE_STEPS_LOCAL));
      assertThat(records).isGreaterThan(4); // one record per step before the change
      assertThat(activities).contains("FetchTemplate");
    }
    if (name.startsWith("approv")) {
      // Two decisions, before the approval's timer fired; a rejection undoes publish, and only it.
      assertThat(updates).containsExactly("approval", "approval");
      assertThat(types)
          .contains(EventType.EVENT_TYPE_TIMER_STARTED)
          .doesNotContain(EventType.EVENT_TYPE_TIMER_FIRED);
      boolean approved = result.status() == RunStatus.COMPLETED;
      assertThat(activities.contains("VaultSecrets")).isEqualTo(approved);
      assertThat(activities.contains("UndoPublishGithub")).isEqualTo(!approved);
      return;
    }
    assertThat(activities)
        .contains("PublishGithub", "VaultSecrets", "RecordRun", "DeleteWorkspace");
    if (name.equals(RecordedRuns.UNDO_LATER)) {
      // The secrets' undo failed its first pass, waited on a timer, and the decision woke it.
      assertThat(activities.stream().filter("UndoVaultSecrets"::equals)).hasSize(2);
      assertThat(activities).contains("K8sManifests", "UndoGrafanaDashboard", "UndoPublishGithub");
      assertThat(updates).containsExactly("rollback");
      assertThat(types)
          .contains(EventType.EVENT_TYPE_TIMER_STARTED, EventType.EVENT_TYPE_MARKER_RECORDED)
          .doesNotContain(EventType.EVENT_TYPE_TIMER_FIRED);
      assertThat(result.steps().get(3).undo().attempts()).isEqualTo(2);
      return;
    }
    List<String> undos = List.of("UndoVaultSecrets", "UndoGrafanaDashboard", "UndoPublishGithub");
    if (result.status() == RunStatus.COMPLETED) {
      assertThat(activities).contains("CatalogRegister").doesNotContainAnyElementsOf(undos);
      boolean manifests =
          activities.contains("K8sManifests")
              || markers.stream().anyMatch(m -> m.contains("K8sManifests"));
      assertThat(manifests).isTrue();
    } else {
      assertThat(activities).containsAll(undos).doesNotContain("K8sManifests", "CatalogRegister");
    }
    switch (name) {
      case RecordedRuns.COMPLETED,
          RecordedRuns.COMPLETED_AT_WAITS,
          RecordedRuns.ROLLED_BACK,
          RecordedRuns.SPECS_IN_PLAN -> {
        assertThat(updates).isEmpty();
        assertThat(types).doesNotContain(EventType.EVENT_TYPE_TIMER_STARTED);
      }
      case RecordedRuns.EACH -> {
        assertThat(updates).isEmpty();
        assertThat(activities.stream().filter("PublishGithub"::equals)).hasSize(2);
      }
      case RecordedRuns.PAUSE_TIMED_OUT -> {
        assertThat(updates).isEmpty();
        assertThat(types).contains(EventType.EVENT_TYPE_TIMER_FIRED);
      }
      default -> {
        String decision =
            switch (name) {
              case RecordedRuns.PAUSED_THEN_ROLLED_BACK -> "rollback";
              case RecordedRuns.PAUSED_THEN_CANCELLED -> "cancel";
              default -> "retry";
            };
        assertThat(updates).containsExactly(decision);
        // The pause's timer started; the decision came before it fired.
        assertThat(types)
            .contains(EventType.EVENT_TYPE_TIMER_STARTED)
            .doesNotContain(EventType.EVENT_TYPE_TIMER_FIRED);
        if (decision.equals("retry")) {
          assertThat(activities).filteredOn("VaultSecrets"::equals).hasSize(2);
        }
      }
    }
  }

  /**
   * Replays on a worker whose deadlock detector is patient: on a loaded machine, loading classes
   * can take the replayer's first workflow task past the default second.
   */
  private static void replay(String history, Class<? extends GoldenPathWorkflow> implementation)
      throws Exception {
    Worker worker =
        env.newWorker(
            "replay-" + workers.incrementAndGet(),
            WorkerOptions.newBuilder().setDefaultDeadlockDetectionTimeout(15_000).build());
    worker.registerWorkflowImplementationTypes(implementation);
    WorkflowReplayer.replayWorkflowExecution(WorkflowExecutionHistory.fromJson(history), worker);
  }

  private static String history(String name) throws IOException {
    try (InputStream in =
        GoldenPathReplayTest.class.getResourceAsStream(RecordedRuns.resource(name))) {
      assertThat(in).as("recorded history " + name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
