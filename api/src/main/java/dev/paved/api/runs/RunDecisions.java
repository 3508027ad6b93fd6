package dev.paved.api.runs;

import dev.paved.api.Problems;
import dev.paved.api.approvals.DecisionComments;
import dev.paved.api.approvals.ValidatorRefusals;
import dev.paved.api.identity.CurrentUser;
import dev.paved.api.templates.LoadedTemplate;
import dev.paved.api.templates.ParameterSchema;
import dev.paved.api.templates.ParameterSchema.FieldError;
import dev.paved.api.templates.TemplateRegistry;
import dev.paved.workflows.goldenpath.DecisionRequest;
import dev.paved.workflows.goldenpath.RunProgress;
import dev.paved.workflows.goldenpath.RunStatus;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

/**
 * An operator's decisions on a run: retry a paused run's failed step (with corrected parameters,
 * checked against the form the run started with), roll a paused run back, cancel a run in flight.
 * The API refuses what Paved's record already rules out; the workflow's update validator has the
 * last word, so a refusal never enters the run's history.
 */
@Service
class RunDecisions {

  private static final Logger log = LoggerFactory.getLogger(RunDecisions.class);

  /** The form fields that name the service a run makes; a retry cannot change them. */
  private static final List<String> IDENTITY_FIELDS = List.of("name", "owner");

  private final RunService runs;
  private final RunStore store;
  private final RunWorkflows workflows;
  private final TemplateRegistry templates;
  private final Clock clock;

  RunDecisions(
      RunService runs,
      RunStore store,
      RunWorkflows workflows,
      TemplateRegistry templates,
      Clock clock) {
    this.runs = runs;
    this.store = store;
    this.workflows = workflows;
    this.templates = templates;
    this.clock = clock;
  }

  /**
   * Runs the failed step of a paused run again. {@code corrections} (may be empty) are merged over
   * the run's parameters (a null value removes one, so its default applies) and apply to the failed
   * step and those after it.
   */
  RunRecord retry(String id, Map<String, Object> corrections, String user) {
    RunRecord run = inFlight(id, "retried");
    if (!RunStatus.NEEDS_ATTENTION.name().equals(run.status())) {
      throw refused(run, "only a run that needs attention can be retried");
    }
    Map<String, Object> corrected =
        corrections == null || corrections.isEmpty() ? null : corrected(run, corrections);
    decide(run, "retry", new DecisionRequest(user, corrected));
    if (corrected != null) {
      store.updateParameters(id, corrected, clock.instant());
    }
    return found(id);
  }

  /**
   * Undoes what a paused run made (it ends ROLLED_BACK); on a run ROLLING_BACK, tries the undos
   * left at once instead of at their next time.
   */
  RunRecord rollback(String id, String user) {
    RunRecord run = inFlight(id, "rolled back");
    if (RunStatus.RUNNING.name().equals(run.status())) {
      throw refused(run, "cancel it instead (it stops at once and rolls back)");
    }
    decide(run, "rollback", DecisionRequest.by(user));
    return found(id);
  }

  /**
   * How long a cancel waits for the run to end before answering that it is still cancelling: a
   * paused or waiting run ends as soon as its undo is done, a running one after its current step.
   */
  static final long CANCEL_SETTLE_SECONDS = 10;

  /**
   * Stops a run at its next step boundary (a paused one at once) and undoes what it made; answers
   * the run as it ended when that takes at most {@link #CANCEL_SETTLE_SECONDS}, else as it stands.
   */
  RunRecord cancel(String id, String user) {
    RunRecord run = inFlight(id, "cancelled");
    decide(run, "cancel", DecisionRequest.by(user));
    workflows.awaitEnd(run, CANCEL_SETTLE_SECONDS);
    return found(id);
  }

  /**
   * An approver's decision (its word checked by the request's Bean Validation) on the approval step
   * the run waits at. The workflow's validator decides who may: never the requester, only a member
   * of the step's approver groups, each once.
   */
  RunRecord approval(String id, CurrentUser me, String decision, String comment) {
    String checkedComment = DecisionComments.checked(comment);
    RunRecord run = inFlight(id, "approved or rejected");
    if (!RunStatus.WAITING_APPROVAL.name().equals(run.status())) {
      throw refused(run, "it does not wait for an approval");
    }
    var request =
        new dev.paved.workflows.approval.DecisionRequest(me.caller(), decision, checkedComment);
    try {
      RunProgress answered = workflows.approve(run, request);
      return found(id).withLiveProgress(answered);
    } catch (WorkflowUpdateException e) {
      throw ValidatorRefusals.of(e);
    } catch (WorkflowNotFoundException e) {
      throw refused(run, "its workflow has ended");
    } catch (RuntimeException e) {
      log.warn("Run {}: approval not delivered: {}", run.id(), e.toString());
      throw Problems.unavailable(
          "Temporal did not take the decision; the run is unchanged, try again");
    }
  }

  /** The run, live; 404 when unknown, 409 when it has ended. */
  private RunRecord inFlight(String id, String what) {
    RunRecord run = runs.find(id).orElseThrow(() -> Problems.notFound(noRun(id)));
    if (RunStatus.valueOf(run.status()).isTerminal()) {
      throw refused(
          run,
          "it has ended and cannot be "
              + what
              + (RunStatus.COMPLETED.name().equals(run.status())
                  ? ""
                  : "; POST /api/v1/runs/" + id + "/rerun starts it again"));
    }
    return run;
  }

  private void decide(RunRecord run, String decision, DecisionRequest request) {
    try {
      workflows.decide(run, decision, request); // the workflow logs the decision
    } catch (WorkflowUpdateException e) {
      String reason =
          e.getCause() instanceof ApplicationFailure failure
              ? failure.getOriginalMessage()
              : String.valueOf(e.getCause());
      throw refusedBecause(run, reason);
    } catch (WorkflowNotFoundException e) {
      throw refused(run, "its workflow has ended");
    } catch (RuntimeException e) {
      log.warn("Run {}: {} not delivered: {}", run.id(), decision, e.toString());
      throw Problems.unavailable(
          "Temporal did not take the decision; the run is unchanged, try again");
    }
  }

  /** The run's parameters with the corrections, defaults and the form's checks applied. */
  private Map<String, Object> corrected(RunRecord run, Map<String, Object> corrections) {
    Map<String, Object> merged = new LinkedHashMap<>(run.parameters());
    corrections.forEach(
        (name, value) -> {
          if (value == null) {
            merged.remove(name);
          } else {
            merged.put(name, value);
          }
        });
    ParameterSchema form = form(run);
    Map<String, Object> values = form.withDefaults(merged);
    List<FieldError> errors = new ArrayList<>(form.validate(values));
    // only the corrections: a run from before undeclared parameters were refused keeps its own
    errors.addAll(
        form.undeclared(
            corrections.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .map(Map.Entry::getKey)
                .toList()));
    List<String> identity = run.workflowId().startsWith("service:") ? IDENTITY_FIELDS : List.of();
    for (String field : identity) {
      if (!Objects.equals(run.parameters().get(field), values.get(field))) {
        errors.add(new FieldError(field, "names the service this run makes; a retry keeps it"));
      }
    }
    if (!errors.isEmpty()) {
      throw Problems.invalid(
          "the corrected parameters do not match template '" + run.template() + "'",
          Map.of("errors", errors));
    }
    return values;
  }

  /** The form the run started with; for an older run, the template's form as loaded now. */
  private ParameterSchema form(RunRecord run) {
    return store
        .parameterSchema(run.id())
        .map(ParameterSchema::fromMap)
        .or(() -> templates.find(run.template()).map(LoadedTemplate::parameters))
        .orElseThrow(
            () ->
                refused(
                    run,
                    "template '"
                        + run.template()
                        + "' is not loaded, so its form cannot check"
                        + " corrected parameters; retry without parameters"));
  }

  private RunRecord found(String id) {
    return runs.find(id).orElseThrow(() -> Problems.notFound(noRun(id)));
  }

  private static String noRun(String id) {
    return "no run with id '" + id + "'";
  }

  private static ErrorResponseException refused(RunRecord run, String why) {
    return refusedBecause(run, "run " + run.id() + " is " + describe(run) + ": " + why);
  }

  private static ErrorResponseException refusedBecause(RunRecord run, String detail) {
    return Problems.problem(
        HttpStatus.CONFLICT,
        "decision-refused",
        "Decision refused",
        detail,
        Map.of("runId", run.id(), "runStatus", run.status()));
  }

  private static String describe(RunRecord run) {
    return switch (run.status()) {
      case "RUNNING" -> "running";
      case "NEEDS_ATTENTION" -> "paused on step '" + failedStep(run) + "'";
      case "WAITING_APPROVAL" -> "waiting for approval";
      default -> run.status().toLowerCase(Locale.ROOT).replace('_', ' ');
    };
  }

  private static String failedStep(RunRecord run) {
    return run.progress() == null ? "?" : run.progress().failedStep();
  }
}
