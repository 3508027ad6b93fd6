package dev.paved.api.runs;

import dev.paved.api.ApiLimits;
import dev.paved.api.Hashes;
import dev.paved.api.Problems;
import dev.paved.api.identity.CurrentUser;
import dev.paved.api.runs.RunChecks.Checked;
import dev.paved.api.templates.LoadedTemplate;
import dev.paved.api.templates.TemplateRegistry;
import dev.paved.workflows.goldenpath.RunInput;
import dev.paved.workflows.goldenpath.RunStatus;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Starts runs (after every check that can refuse them) and reads them back. */
@Service
public class RunService {

  private static final Logger log = LoggerFactory.getLogger(RunService.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final TemplateRegistry templates;
  private final RunStore store;
  private final RunWorkflows workflows;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final ApproverCheck approvers;
  private final ApiLimits limits;

  RunService(
      TemplateRegistry templates,
      RunStore store,
      RunWorkflows workflows,
      TransactionTemplate transactions,
      Clock clock,
      ApproverCheck approvers,
      ApiLimits limits) {
    this.templates = templates;
    this.store = store;
    this.workflows = workflows;
    this.transactions = transactions;
    this.clock = clock;
    this.approvers = approvers;
    this.limits = limits;
  }

  /** A run that was started, or found again by its idempotency key. */
  record Started(RunRecord run, boolean replayed) {}

  /**
   * A request to start a run that no check refused: the run to start ({@code checked}, with the id
   * it will have), or the run its Idempotency-Key started before ({@code replay}, then {@code
   * checked} is null).
   */
  record Admission(
      String runId, Checked checked, String idempotencyKey, String requestHash, Started replay) {}

  /**
   * Every check that can refuse a run (after the controller's checks of the request's shape), in
   * the order a start applies them: the parameters' limits (400, {@link RunChecks#withinLimits}),
   * the caller's right to start runs for the {@code owner} (403), a key used before (422 when for
   * another request; a replay of its run when for this one), the template (404), its form and
   * undeclared parameters (400), the service's name (409 when a service has it or a run is in
   * flight for it), an approval step nobody but the requester could approve (422, {@link
   * ApproverCheck}). Makes nothing. A start and a dry run both begin here, so a dry run answers
   * every refusal a start would; {@code runId} is the id the run would have.
   */
  Admission admit(
      String templateName,
      Map<String, Object> requested,
      CurrentUser me,
      String idempotencyKey,
      String runId) {
    Map<String, Object> parameters = requested == null ? Map.of() : requested;
    RunChecks.withinLimits(limits, parameters);
    RunPolicy.check(me, parameters.get("owner"), RunPolicy.Action.START);
    String requestHash = hash(templateName + "\n" + RunStore.write(parameters));
    if (idempotencyKey != null) {
      Optional<Started> replay = replay(idempotencyKey, requestHash);
      if (replay.isPresent()) {
        return new Admission(runId, null, idempotencyKey, requestHash, replay.get());
      }
    }
    Checked checked = RunChecks.check(templates, templateName, parameters, runId);
    ServiceIdentity identity = checked.identity();
    String name = identity.serviceName();
    // The claim in start() decides a race; this answers the refusal a start would meet anyway.
    if (name != null && store.claimHolder(name).isPresent()) {
      if (idempotencyKey == null || !claimedByKey(name, idempotencyKey)) {
        throw serviceTaken(name);
      }
    } else if (name != null && store.hasOtherActiveRun(identity.workflowId(), runId)) {
      // a concurrent request with this key may have started it since the first look: its replay
      Optional<Started> replayed =
          idempotencyKey == null ? Optional.empty() : replay(idempotencyKey, requestHash);
      if (replayed.isEmpty()) {
        throw beingCreated(identity);
      }
      return new Admission(runId, null, idempotencyKey, requestHash, replayed.get());
    }
    approvers.check(checked.template(), checked.values(), me.name());
    return new Admission(runId, checked, idempotencyKey, requestHash, null);
  }

  /** Starts the admitted run (or answers its replay): claims the name, records it, starts it. */
  Started start(Admission admission, String user) {
    if (admission.replay() != null) {
      return admission.replay();
    }
    String runId = admission.runId();
    String idempotencyKey = admission.idempotencyKey();
    String requestHash = admission.requestHash();
    Checked checked = admission.checked();
    LoadedTemplate template = checked.template();
    String templateName = template.name();
    Map<String, Object> values = checked.values();
    ServiceIdentity identity = checked.identity();
    RunStore.NewRun run =
        new RunStore.NewRun(
            runId,
            template.name(),
            template.version(),
            identity,
            user,
            idempotencyKey,
            requestHash,
            values,
            template.plan(),
            template.parameters().asMap(),
            null);
    Instant now = clock.instant();
    try {
      transactions.executeWithoutResult(
          tx -> {
            if (identity.serviceName() != null
                && !store.claim(identity.serviceName(), identity.serviceKey(), runId, now)) {
              throw new DuplicateKeyException("service name " + identity.serviceName());
            }
            store.insert(run, now);
          });
    } catch (DuplicateKeyException taken) {
      if (idempotencyKey == null) {
        throw serviceTaken(identity.serviceName());
      }
      // Another request with this key may have won the race: its run is the answer once it is
      // recorded; while it is being processed the answer is 409, as for any concurrent retry.
      Optional<Started> replayed = replay(idempotencyKey, requestHash);
      if (replayed.isPresent()) {
        return replayed.get();
      }
      if (identity.serviceName() != null && !claimedByKey(identity.serviceName(), idempotencyKey)) {
        throw serviceTaken(identity.serviceName());
      }
      throw Problems.conflict(
          "a request with this Idempotency-Key is being processed; retry it shortly",
          Map.of("idempotencyKey", idempotencyKey));
    }
    startWorkflow(run, identity);
    log.info(
        "Run {} of template {} started by {} for {}",
        runId,
        templateName,
        user,
        identity.serviceKey());
    return new Started(store.find(runId).orElseThrow(), false);
  }

  Optional<RunRecord> find(String id) {
    return store.find(id).map(this::withLiveProgress);
  }

  List<RunRecord> list(RunFilter filter) {
    return store.list(filter);
  }

  /** Starts the recorded run's workflow; on a refusal removes the run and its claim again. */
  void startWorkflow(RunStore.NewRun run, ServiceIdentity identity) {
    RunInput input =
        new RunInput(
            run.id(), identity.serviceKey(), run.requestedBy(), run.plan(), run.parameters());
    WorkflowExecution execution;
    try {
      try {
        execution = workflows.start(identity, input);
      } catch (WorkflowExecutionAlreadyStarted e) {
        if (store.hasOtherActiveRun(identity.workflowId(), run.id())) {
          throw e;
        }
        // The previous run of this service has ended in Paved's record and its workflow is
        // closing (its last act is that record): wait for it, then start.
        workflows.awaitClose(identity.workflowId());
        execution = workflows.start(identity, input);
      }
    } catch (WorkflowExecutionAlreadyStarted e) {
      store.delete(run.id());
      throw beingCreated(identity);
    } catch (RuntimeException e) {
      store.delete(run.id());
      log.warn("Could not start run {}: {}", run.id(), e.toString());
      throw Problems.unavailable("Temporal did not accept the run; nothing was started");
    }
    try {
      store.started(run.id(), execution.getRunId());
    } catch (RuntimeException e) {
      // The run is started and recorded; only the live progress query needs this id.
      log.warn(
          "Run {} started, but its Temporal run id was not stored: {}", run.id(), e.toString());
    }
  }

  /** While a run is in flight its workflow knows more than the last record (the running step). */
  private RunRecord withLiveProgress(RunRecord record) {
    boolean inFlight = !RunStatus.valueOf(record.status()).isTerminal();
    if (!inFlight || record.temporalRunId() == null) {
      return record;
    }
    return workflows.progress(record).map(record::withLiveProgress).orElse(record);
  }

  private Optional<Started> replay(String idempotencyKey, String requestHash) {
    return store
        .findByIdempotencyKey(idempotencyKey)
        .map(
            existing -> {
              if (!store.requestHash(existing.id()).orElse("").equals(requestHash)) {
                throw Problems.problem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "idempotency-key-reused",
                    "Idempotency-Key reused",
                    "this Idempotency-Key was used for a different request (run "
                        + existing.id()
                        + ")",
                    Map.of("runId", existing.id()));
              }
              return new Started(existing, true);
            });
  }

  /** Whether the name's claim belongs to a run of this Idempotency-Key (or is not visible yet). */
  private boolean claimedByKey(String serviceName, String idempotencyKey) {
    return store
        .claimHolder(serviceName)
        .flatMap(store::find)
        .map(holder -> idempotencyKey.equals(store.idempotencyKey(holder.id()).orElse(null)))
        .orElse(true);
  }

  private RuntimeException serviceTaken(String serviceName) {
    String holder = store.claimHolder(serviceName).orElse("?");
    return Problems.conflict(
        "a service named '"
            + serviceName
            + "' already exists or is being created (run "
            + holder
            + ")",
        Map.of("service", serviceName, "runId", holder));
  }

  private static RuntimeException beingCreated(ServiceIdentity identity) {
    return Problems.conflict(
        identity.serviceKey() + " is being created by another run",
        Map.of("workflowId", identity.workflowId()));
  }

  static String newRunId() {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return "r-" + HexFormat.of().formatHex(bytes);
  }

  static String hash(String text) {
    return Hashes.sha256(text);
  }
}
