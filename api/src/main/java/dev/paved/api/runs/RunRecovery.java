package dev.paved.api.runs;

import dev.paved.activities.support.WorkspaceSync;
import dev.paved.activities.support.Workspaces;
import dev.paved.activities.workspace.WorkspaceActivitiesImpl;
import dev.paved.worker.TemporalProperties;
import dev.paved.workflows.goldenpath.RunInput;
import dev.paved.workflows.goldenpath.RunStatus;
import io.temporal.api.common.v1.WorkflowExecution;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Local mode's promise that no run silently disappears. The embedded Temporal server keeps its
 * workflows in memory, so a stop of {@code ./paved up} forgets every run in flight. On the next
 * start each run Paved's own record still shows in flight is started again, under the same run id,
 * from the inputs it recorded (the frozen plan, parameters, requester and service key): its steps
 * adopt what they made before, and its record counts the recovery. With a Temporal cluster, runs
 * outlive Paved and nothing is done here.
 */
@Component
class RunRecovery {

  private static final Logger log = LoggerFactory.getLogger(RunRecovery.class);

  private final TemporalProperties temporal;
  private final RunStore store;
  private final RunWorkflows workflows;
  private final Workspaces workspaces;
  private final WorkspaceSync stored;
  private final Clock clock;

  RunRecovery(
      TemporalProperties temporal,
      RunStore store,
      RunWorkflows workflows,
      Workspaces workspaces,
      Optional<WorkspaceSync> stored,
      Clock clock) {
    this.temporal = temporal;
    this.store = store;
    this.workflows = workflows;
    this.workspaces = workspaces;
    this.stored = stored.orElse(null); // null: the workspace folder is the only copy
    this.clock = clock;
  }

  /** Once the workers poll: the runs start again at once. */
  @EventListener(ApplicationReadyEvent.class)
  void recoverInFlightRuns() {
    if (!temporal.embedded()) {
      return;
    }
    for (String runId : store.inFlight()) {
      recover(runId);
    }
  }

  void recover(String runId) {
    try {
      RunRecord run = store.find(runId).orElseThrow();
      if (RunStatus.ROLLING_BACK.name().equals(run.status())) {
        // Started again it would make its steps anew: it ends naming what it left instead.
        String error =
            "Paved stopped while this run was rolling back; left behind: "
                + RunRecorderImpl.leftovers(run.progress());
        store.failWithoutWorkflow(runId, error, clock.instant());
        log.warn("Run {}: {}", runId, error);
        return;
      }
      // the run starts again from its first step: a half-made workspace must not leak into it
      new WorkspaceActivitiesImpl(workspaces, stored).deleteWorkspace(run.id());
      WorkflowExecution execution =
          workflows.start(
              new ServiceIdentity(null, run.serviceKey(), run.workflowId()),
              new RunInput(
                  run.id(), run.serviceKey(), run.requestedBy(), run.plan(), run.parameters()));
      store.recovered(run.id(), execution.getRunId(), clock.instant());
      log.info(
          "Run {} ({} for {}) was in flight when Paved stopped: started again from its recorded"
              + " inputs (recovery {}); its steps adopt what they made before",
          run.id(),
          run.template(),
          run.serviceKey(),
          run.recoveries() + 1);
    } catch (RuntimeException e) {
      String error =
          "Paved stopped while this run was in flight and could not start it again: " + e;
      store.failWithoutWorkflow(runId, error, clock.instant());
      log.error("Run {}: {}", runId, error);
    }
  }
}
