package dev.paved.api.runs;

import dev.paved.api.Problems;
import dev.paved.workflows.goldenpath.RunStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-runs a run that ended without its service (rolled back, cancelled, or failed with something
 * left behind): a new run of the same frozen plan, form and parameters, linked to the original.
 * Idempotent steps adopt what the original left for the same service. The service name's claim
 * rules still apply; a failed run's claim passes to its re-run.
 */
@Service
class Reruns {

  private static final Logger log = LoggerFactory.getLogger(Reruns.class);

  /** A completed run's service exists; a run in flight is retried, rolled back or cancelled. */
  private static final Set<String> RERUNNABLE =
      Set.of(
          RunStatus.ROLLED_BACK.name(),
          RunStatus.CANCELLED.name(),
          RunStatus.FAILED.name(),
          RunStatus.REJECTED.name(),
          RunStatus.EXPIRED.name());

  private final RunService runs;
  private final RunStore store;
  private final TransactionTemplate transactions;
  private final Clock clock;

  Reruns(RunService runs, RunStore store, TransactionTemplate transactions, Clock clock) {
    this.runs = runs;
    this.store = store;
    this.transactions = transactions;
    this.clock = clock;
  }

  RunRecord rerun(String id, String user) {
    RunRecord original =
        store.find(id).orElseThrow(() -> Problems.notFound("no run with id '" + id + "'"));
    if (!RERUNNABLE.contains(original.status())) {
      throw Problems.problem(
          HttpStatus.CONFLICT,
          "decision-refused",
          "Decision refused",
          "run " + id + " " + why(original.status()),
          Map.of("runId", id, "runStatus", original.status()));
    }
    String runId = RunService.newRunId();
    ServiceIdentity identity = identity(original, runId);
    RunStore.NewRun run =
        new RunStore.NewRun(
            runId,
            original.template(),
            original.templateVersion(),
            identity,
            user,
            null,
            RunService.hash("rerun\n" + id),
            original.parameters(),
            original.plan(),
            store.parameterSchema(id).orElse(null),
            id);
    Instant now = clock.instant();
    try {
      transactions.executeWithoutResult(
          tx -> {
            String name = identity.serviceName();
            // Take over first: a failed insert would end a PostgreSQL transaction.
            if (name != null
                && !store.takeOverClaim(name, id, runId)
                && !store.claim(name, identity.serviceKey(), runId, now)) {
              throw new DuplicateKeyException("service name " + name);
            }
            store.insert(run, now);
          });
    } catch (DuplicateKeyException taken) {
      String holder = store.claimHolder(identity.serviceName()).orElse("?");
      throw Problems.conflict(
          "a service named '"
              + identity.serviceName()
              + "' already exists or is being created (run "
              + holder
              + ")",
          Map.of("service", identity.serviceName(), "runId", holder));
    }
    runs.startWorkflow(run, identity);
    log.info("Run {} re-runs {} ({}), started by {}", runId, id, original.status(), user);
    return runs.find(runId).orElseThrow();
  }

  /** The original's service, or (for a run that makes no named service) one keyed by the new id. */
  private static ServiceIdentity identity(RunRecord original, String runId) {
    Object name = original.parameters().get("name");
    if (original.workflowId().startsWith("service:") && name instanceof String serviceName) {
      return new ServiceIdentity(serviceName, original.serviceKey(), original.workflowId());
    }
    return ServiceIdentity.of(Map.of(), runId);
  }

  private static String why(String status) {
    return switch (status) {
      case "COMPLETED" ->
          "completed: its service exists; a re-run is for a run that ended without it";
      case "RUNNING", "NEEDS_ATTENTION", "WAITING_APPROVAL", "ROLLING_BACK" ->
          "is still in flight (" + status + "): retry, roll back or cancel it instead";
      default -> "is " + status + ": it cannot be re-run";
    };
  }
}
