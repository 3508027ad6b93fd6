package dev.paved.workflows.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A location's workflow on Temporal's test server (time skipping): its schedule, a refresh asked
 * for, continue-as-new, its end when the location is deleted, and replay of what it recorded.
 */
class LocationWorkflowTest {

  private static final long FIVE_MINUTES = Duration.ofMinutes(5).toMillis();

  /** Stands in for the catalog's reads: records each, answers as the test says. */
  static final class Reads implements LocationActivities {
    final List<LocationRead> seen = new CopyOnWriteArrayList<>();
    volatile boolean exists = true;

    @Override
    public LocationTurn readLocation(LocationRead read) {
      seen.add(read);
      return exists
          ? new LocationTurn(true, seen.size(), List.of(), false, FIVE_MINUTES)
          : LocationTurn.gone();
    }

    long requested() {
      return seen.stream().filter(LocationRead::requested).count();
    }
  }

  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private final Reads reads = new Reads();

  @BeforeEach
  void start() {
    env = TestWorkflowEnvironment.newInstance();
    Worker worker = env.newWorker(LocationWorkflow.TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(LocationWorkflowImpl.class);
    worker.registerActivitiesImplementations(reads);
    env.start();
    client = env.getWorkflowClient();
  }

  @AfterEach
  void stop() {
    env.close();
  }

  private LocationWorkflow begin(String locationId, int turnsPerRun) {
    LocationWorkflow workflow =
        client.newWorkflowStub(
            LocationWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(LocationWorkflow.workflowId(locationId))
                .setTaskQueue(LocationWorkflow.TASK_QUEUE)
                .build());
    WorkflowClient.start(workflow::process, new LocationInput(locationId, 60_000, turnsPerRun));
    return workflow;
  }

  @Test
  void readsAtStartThenOnTheScheduleItIsToldAndEndsWhenTheLocationIsGone() {
    LocationWorkflow workflow = begin("l1", 100);
    env.sleep(Duration.ofSeconds(30));
    assertThat(reads.seen).hasSize(1);
    assertThat(reads.seen.get(0)).isEqualTo(new LocationRead("l1", false));

    // the first read said five minutes (plus up to a tenth), not the input's one minute
    env.sleep(Duration.ofMinutes(4));
    assertThat(reads.seen).hasSize(1);
    env.sleep(Duration.ofMinutes(2).plusSeconds(31));
    assertThat(reads.seen).hasSize(2);
    assertThat(reads.requested()).isZero();

    reads.exists = false;
    env.sleep(Duration.ofMinutes(6));
    WorkflowStub.fromTyped(workflow).getResult(Void.class); // ended, without error
    assertThat(reads.seen).hasSize(3);
  }

  @Test
  void aRefreshReadsAtOnceAndAnswersWhatThatReadFound() {
    LocationWorkflow workflow = begin("l2", 100);
    env.sleep(Duration.ofSeconds(1));

    LocationTurn turn = workflow.refresh();

    assertThat(reads.seen).hasSize(2);
    assertThat(reads.seen.get(1)).isEqualTo(new LocationRead("l2", true));
    assertThat(turn.entities()).isEqualTo(2);
    workflow.changed();
    env.sleep(Duration.ofSeconds(1));
    assertThat(reads.seen).hasSize(3);
    assertThat(reads.requested()).isEqualTo(2);
  }

  @Test
  void continuesAsNewSoItsHistoryStaysShortAndItsScheduleGoesOn() {
    LocationWorkflow workflow = begin("l3", 2);
    String firstRun = WorkflowStub.fromTyped(workflow).getExecution().getRunId();
    env.sleep(Duration.ofMinutes(12));

    WorkflowExecutionHistory first =
        client.fetchHistory(LocationWorkflow.workflowId("l3"), firstRun);
    HistoryEvent last = first.getEvents().get(first.getEvents().size() - 1);
    assertThat(last.getEventType())
        .isEqualTo(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW);
    assertThat(reads.seen).hasSizeGreaterThanOrEqualTo(3);
    assertThat(workflow.refresh().exists()).isTrue();
  }

  @Test
  void itsRecordedHistoryReplaysAndAChangeThatBreaksReplayIsCaught() throws Exception {
    LocationWorkflow workflow = begin("l4", 100);
    env.sleep(Duration.ofMinutes(6));
    workflow.refresh();
    workflow.changed();
    env.sleep(Duration.ofSeconds(1));
    reads.exists = false;
    env.sleep(Duration.ofMinutes(6));
    WorkflowStub.fromTyped(workflow).getResult(Void.class);
    WorkflowExecutionHistory history = client.fetchHistory(LocationWorkflow.workflowId("l4"));

    WorkflowReplayer.replayWorkflowExecution(history, LocationWorkflowImpl.class);
    assertThatThrownBy(() -> WorkflowReplayer.replayWorkflowExecution(history, SleepsFirst.class))
        .hasMessageContaining("NonDeterministicException");
  }

  /** A change that is not replay-safe: a timer before the first read. */
  public static class SleepsFirst extends LocationWorkflowImpl {
    @Override
    public void process(LocationInput input) {
      Workflow.sleep(Duration.ofSeconds(1));
      super.process(input);
    }
  }
}
