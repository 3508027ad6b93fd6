package dev.paved.bench;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The floor: a bare workflow of N no-op activities, one after another, on plain activity stubs, run
 * by a worker in the bench's JVM on a task queue of its own, on the same embedded server as Paved.
 * Nothing else: no records, no queries, no local activities. Its worker has Temporal's default
 * options (as Paved's own worker, which keeps the sticky queue), or a zero sticky-queue timeout for
 * what a worker joining the embedded server from another process pays.
 */
final class Floor implements AutoCloseable {

  @WorkflowInterface
  public interface FloorWorkflow {
    @WorkflowMethod
    int run(int steps);
  }

  @ActivityInterface
  public interface FloorActivities {
    @ActivityMethod(name = "BenchNoOp")
    void noOp(int step);
  }

  public static class FloorWorkflowImpl implements FloorWorkflow {
    private final FloorActivities activities =
        Workflow.newActivityStub(
            FloorActivities.class,
            ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());

    @Override
    public int run(int steps) {
      for (int i = 0; i < steps; i++) {
        activities.noOp(i);
      }
      return steps;
    }
  }

  public static class FloorActivitiesImpl implements FloorActivities {
    @Override
    public void noOp(int step) {}
  }

  final String taskQueue = "paved-bench-floor-" + UUID.randomUUID();
  final Duration stickyTimeout;
  private final WorkflowClient client;
  private final WorkerFactory factory;

  /** {@code stickyTimeout} null: Temporal's default. */
  Floor(WorkflowClient client, Duration stickyTimeout) {
    this.client = client;
    this.stickyTimeout = stickyTimeout;
    this.factory = WorkerFactory.newInstance(client);
    WorkerOptions.Builder options = WorkerOptions.newBuilder();
    if (stickyTimeout != null) {
      options.setStickyQueueScheduleToStartTimeout(stickyTimeout);
    }
    Worker worker = factory.newWorker(taskQueue, options.build());
    worker.registerWorkflowImplementationTypes(FloorWorkflowImpl.class);
    worker.registerActivitiesImplementations(new FloorActivitiesImpl());
    factory.start();
  }

  /** One run of {@code steps} activities, waited for; throws when it does not end in time. */
  Batch.Outcome run(int steps, long deadlineNanos) throws Exception {
    String id = "bench-floor-" + UUID.randomUUID();
    long t0 = System.nanoTime();
    FloorWorkflow stub =
        client.newWorkflowStub(
            FloorWorkflow.class,
            WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(taskQueue).build());
    WorkflowClient.start(stub::run, steps);
    long started = System.nanoTime();
    WorkflowStub.fromTyped(stub)
        .getResult(
            Math.max(1, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS, Integer.class);
    long ended = System.nanoTime();
    return new Batch.Outcome(id, id, "COMPLETED", t0, started, ended, ended, null);
  }

  @Override
  public void close() {
    factory.shutdown();
    try {
      factory.awaitTermination(10, TimeUnit.SECONDS);
    } catch (RuntimeException e) {
      // the bench is ending anyway
    }
  }
}
