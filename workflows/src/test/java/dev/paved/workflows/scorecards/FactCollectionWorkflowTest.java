package dev.paved.workflows.scorecards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A collector's workflow on Temporal's test server (time skipping): the first collection, the
 * schedule, batches, a request for one entity and for all, an unanswered source retried on its own,
 * and continue-as-new keeping pending requests.
 */
class FactCollectionWorkflowTest {

  private static final long HOUR = Duration.ofHours(1).toMillis();

  /** Stands in for the API's activities: records what was collected. */
  static final class Collecting implements FactCollectionActivities {
    final List<String> entities = new CopyOnWriteArrayList<>();
    final List<List<String>> batches = new CopyOnWriteArrayList<>();
    final List<String> ones = new CopyOnWriteArrayList<>();
    final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
    final AtomicInteger listings = new AtomicInteger();

    @Override
    public List<String> entities(String collector) {
      listings.incrementAndGet();
      return List.copyOf(entities);
    }

    @Override
    public CollectionBatch collectBatch(String collector, List<String> refs) {
      batches.add(refs);
      List<String> unanswered = new ArrayList<>();
      for (String ref : refs) {
        if (failuresLeft.containsKey(ref)) {
          unanswered.add(ref);
        }
      }
      return new CollectionBatch(refs.size() - unanswered.size(), 0, unanswered);
    }

    @Override
    public int collectOne(String collector, String ref) {
      ones.add(ref);
      AtomicInteger left = failuresLeft.get(ref);
      if (left != null && left.getAndDecrement() > 0) {
        throw ApplicationFailure.newFailure("PagerDuty did not answer", "SourceUnanswered");
      }
      return 1;
    }

    int collectedTimes(String ref) {
      return (int) batches.stream().filter(b -> b.contains(ref)).count();
    }
  }

  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private final Collecting activities = new Collecting();

  @BeforeEach
  void start() {
    env = TestWorkflowEnvironment.newInstance();
    Worker worker = env.newWorker(FactCollectionWorkflow.TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(FactCollectionWorkflowImpl.class);
    worker.registerActivitiesImplementations(activities);
    env.start();
    client = env.getWorkflowClient();
  }

  @AfterEach
  void stop() {
    env.close();
  }

  private FactCollectionWorkflow begin(String collector, int turnsPerRun) {
    FactCollectionWorkflow workflow =
        client.newWorkflowStub(
            FactCollectionWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(FactCollectionWorkflow.workflowId(collector))
                .setTaskQueue(FactCollectionWorkflow.TASK_QUEUE)
                .build());
    WorkflowClient.start(
        workflow::collect, new CollectionInput(collector, HOUR, turnsPerRun, true, List.of()));
    return workflow;
  }

  @Test
  void collectsEveryEntityInBatchesAtStartAndThenHourly() {
    for (int i = 0; i < 120; i++) {
      activities.entities.add("component:default/s" + i);
    }
    begin("coverage", 100);
    await().until(() -> activities.batches.size() == 3);
    assertThat(activities.batches.stream().map(List::size)).containsExactly(50, 50, 20);

    env.sleep(Duration.ofMinutes(50));
    assertThat(activities.listings.get()).isEqualTo(1);
    env.sleep(Duration.ofMinutes(20)); // past the hour and its jitter (at most six minutes)
    await().until(() -> activities.listings.get() == 2);
    assertThat(activities.collectedTimes("component:default/s119")).isEqualTo(2);
  }

  @Test
  void aRequestForOneEntityCollectsItAloneAtOnce() {
    activities.entities.addAll(List.of("component:default/a", "component:default/b"));
    FactCollectionWorkflow workflow = begin("oncall", 100);
    await().until(() -> activities.batches.size() == 1);

    workflow.collectNow(new CollectionRequest("component:default/b"));
    await().until(() -> activities.batches.size() == 2);
    assertThat(activities.batches.get(1)).containsExactly("component:default/b");
    assertThat(activities.listings.get()).isEqualTo(1);

    workflow.collectNow(CollectionRequest.all());
    await().until(() -> activities.listings.get() == 2);
  }

  @Test
  void anUnansweredSourceIsRetriedForThatEntityOnly() {
    activities.entities.addAll(List.of("component:default/a", "component:default/b"));
    activities.failuresLeft.put("component:default/b", new AtomicInteger(2));
    begin("oncall", 100);
    await().until(() -> !activities.ones.isEmpty());

    env.sleep(Duration.ofMinutes(3)); // the retries' back-off (30 s, then 60 s)
    await().until(() -> activities.ones.size() == 3);
    assertThat(activities.ones).containsOnly("component:default/b");
  }

  @Test
  void continuesAsNewAndKeepsRunning() {
    activities.entities.add("component:default/a");
    begin("slo", 2);
    await().until(() -> activities.listings.get() == 1);
    env.sleep(Duration.ofHours(3));
    await().until(() -> activities.listings.get() >= 3);
    WorkflowStub stub = client.newUntypedWorkflowStub(FactCollectionWorkflow.workflowId("slo"));
    assertThat(
            client
                .getWorkflowServiceStubs()
                .blockingStub()
                .describeWorkflowExecution(
                    io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest.newBuilder()
                        .setNamespace(env.getNamespace())
                        .setExecution(stub.getExecution())
                        .build())
                .getWorkflowExecutionInfo()
                .getStatus())
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
  }
}
