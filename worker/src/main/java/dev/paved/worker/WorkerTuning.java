package dev.paved.worker;

import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paved.workers.*}: how much one worker process polls and runs at once, per task queue it
 * serves (golden path, access). The defaults suit a 2-core host: two pollers per kind keep a task
 * waiting no longer than one poll's round trip without idle threads holding memory, and the slots
 * bound what runs at once so that a burst of runs queues in Temporal instead of thrashing the host.
 * A bigger host, or steps that mostly wait on other systems, take more slots.
 *
 * @param workflowPollers workflow-task pollers ({@code PAVED_WORKERS_WORKFLOW_POLLERS}, default 2,
 *     Temporal's minimum)
 * @param activityPollers activity-task pollers ({@code PAVED_WORKERS_ACTIVITY_POLLERS}, default 2)
 * @param workflowSlots workflow tasks handled at once ({@code PAVED_WORKERS_WORKFLOW_SLOTS},
 *     default 50)
 * @param activitySlots activities run at once: steps that call other systems, undos, records
 *     ({@code PAVED_WORKERS_ACTIVITY_SLOTS}, default 50)
 * @param localActivitySlots local activities run at once: renders and workspace steps ({@code
 *     PAVED_WORKERS_LOCAL_ACTIVITY_SLOTS}, default 50)
 */
@ConfigurationProperties("paved.workers")
public record WorkerTuning(
    @DefaultValue("2") int workflowPollers,
    @DefaultValue("2") int activityPollers,
    @DefaultValue("50") int workflowSlots,
    @DefaultValue("50") int activitySlots,
    @DefaultValue("50") int localActivitySlots) {

  public WorkerTuning {
    if (workflowPollers < 2) {
      throw new IllegalArgumentException(
          "paved.workers.workflow-pollers must be 2 or more (Temporal's minimum), not "
              + workflowPollers);
    }
    if (activityPollers < 1 || workflowSlots < 1 || activitySlots < 1 || localActivitySlots < 1) {
      throw new IllegalArgumentException(
          "paved.workers.* pollers and slots must be 1 or more: " + this);
    }
  }

  /** The defaults, for code that builds a worker without Spring. */
  public static WorkerTuning defaults() {
    return new WorkerTuning(2, 2, 50, 50, 50);
  }

  /**
   * Worker options with these pollers and slots; {@code stickyQueueTimeout} null for Temporal's.
   */
  WorkerOptions options(Duration stickyQueueTimeout) {
    WorkerOptions.Builder options =
        WorkerOptions.newBuilder()
            .setMaxConcurrentWorkflowTaskPollers(workflowPollers)
            .setMaxConcurrentActivityTaskPollers(activityPollers)
            .setMaxConcurrentWorkflowTaskExecutionSize(workflowSlots)
            .setMaxConcurrentActivityExecutionSize(activitySlots)
            .setMaxConcurrentLocalActivityExecutionSize(localActivitySlots);
    if (stickyQueueTimeout != null) {
      options.setStickyQueueScheduleToStartTimeout(stickyQueueTimeout);
    }
    return options.build();
  }
}
