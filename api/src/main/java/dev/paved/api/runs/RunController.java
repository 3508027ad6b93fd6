package dev.paved.api.runs;

import dev.paved.api.Problems;
import dev.paved.api.dryrun.DryRunReport;
import dev.paved.api.dryrun.DryRunService;
import dev.paved.api.identity.CurrentUser;
import dev.paved.api.identity.CurrentUsers;
import dev.paved.workflows.goldenpath.RunStatus;
import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Runs of golden-path templates: start one, follow it, list them, and decide about one that needs
 * attention (retry, roll back, cancel, re-run).
 */
@RestController
@RequestMapping("/api/v1/runs")
class RunController {

  private final RunService runs;
  private final RunDecisions decisions;
  private final Reruns reruns;
  private final DryRunService dryRuns;
  private final CurrentUsers users;

  RunController(
      RunService runs,
      RunDecisions decisions,
      Reruns reruns,
      DryRunService dryRuns,
      CurrentUsers users) {
    this.runs = runs;
    this.decisions = decisions;
    this.reruns = reruns;
    this.dryRuns = dryRuns;
    this.users = users;
  }

  /** The body of {@code POST /runs}. */
  record RunRequest(String template, Map<String, Object> parameters) {}

  /**
   * The body of {@code POST /runs/{id}/retry}, optional: parameters to correct, merged over the
   * run's (null removes one); they apply to the failed step and those after it.
   */
  record RetryRequest(Map<String, Object> parameters) {}

  /**
   * Starts a run; with {@code dryRun=true}, answers what the run would make (200, {@link
   * DryRunReport}) and makes nothing: no run, no claim on the name, no workflow. Both pass the same
   * admission ({@link RunService#admit}), so a dry run is refused exactly as the start would be
   * (same status and problem); a dry run whose Idempotency-Key replays a run answers that run, as
   * the start would.
   */
  @PostMapping
  ResponseEntity<?> start(
      @RequestBody RunRequest request,
      @RequestParam(defaultValue = "false") boolean dryRun,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
    if (request == null || request.template() == null || request.template().isBlank()) {
      throw Problems.invalid("'template' is required", Map.of());
    }
    if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
      throw Problems.invalid("Idempotency-Key must be 1 to 200 characters", Map.of());
    }
    CurrentUser me = users.current();
    RunService.Admission admission =
        runs.admit(
            request.template(),
            request.parameters(),
            me,
            idempotencyKey,
            dryRun ? DryRunService.RUN_ID : RunService.newRunId());
    if (dryRun && admission.replay() == null) {
      RunService.Checked checked = admission.checked();
      return ResponseEntity.ok(
          dryRuns.run(
              checked.template(), checked.values(), checked.identity().serviceKey(), me.name()));
    }
    RunService.Started started = dryRun ? admission.replay() : runs.start(admission, me.name());
    RunView view = RunView.of(started.run());
    return ResponseEntity.status(started.replayed() ? HttpStatus.OK : HttpStatus.ACCEPTED)
        .location(URI.create("/api/v1/runs/" + view.id()))
        .body(view);
  }

  /** The body of {@code POST /runs/{id}/approval}. */
  record ApprovalRequest(String decision, String comment) {}

  /**
   * Approves or rejects the approval step the run waits at. Anyone signed in may ask; the run's
   * approval step decides who counts (its approver groups, never the requester): 403 otherwise.
   */
  @PostMapping("/{id}/approval")
  ResponseEntity<RunView> approval(
      @PathVariable String id, @RequestBody(required = false) ApprovalRequest request) {
    if (request == null) {
      throw Problems.invalid(
          "a body with 'decision' ('approve' or 'reject') is required", Map.of());
    }
    RunRecord run = decisions.approval(id, users.current(), request.decision(), request.comment());
    return ResponseEntity.ok(RunView.of(run));
  }

  /** Runs the failed step of a run that needs attention again, and goes on. */
  @PostMapping("/{id}/retry")
  ResponseEntity<RunView> retry(
      @PathVariable String id, @RequestBody(required = false) RetryRequest request) {
    Map<String, Object> corrections = request == null ? null : request.parameters();
    return accepted(decisions.retry(id, corrections, mayDecide(id, "retry")));
  }

  /** Undoes what a run that needs attention made; it ends ROLLED_BACK. */
  @PostMapping("/{id}/rollback")
  ResponseEntity<RunView> rollback(@PathVariable String id) {
    return accepted(decisions.rollback(id, mayDecide(id, "roll back")));
  }

  /**
   * Stops a run in flight after its current step (a paused one at once) and undoes it. 200 with the
   * run as it ended ({@code CANCELLED}, or {@code FAILED} when an undo failed) once it has; 202
   * with status {@code CANCELLING} while it is still stopping or undoing (GET shows how it ends).
   */
  @PostMapping("/{id}/cancel")
  ResponseEntity<RunView> cancel(@PathVariable String id) {
    RunRecord run = decisions.cancel(id, mayDecide(id, "cancel"));
    if (RunStatus.valueOf(run.status()).isTerminal()) {
      return ResponseEntity.ok().location(URI.create("/api/v1/runs/" + id)).body(RunView.of(run));
    }
    RunView view = RunView.of(run).withStatus(RunView.CANCELLING);
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .location(URI.create("/api/v1/runs/" + view.id()))
        .body(view);
  }

  /** Starts a new run of an ended run's plan and parameters, linked to it by rerunOf. */
  @PostMapping("/{id}/rerun")
  ResponseEntity<RunView> rerun(@PathVariable String id) {
    return accepted(reruns.rerun(id, mayDecide(id, "re-run")));
  }

  private static ResponseEntity<RunView> accepted(RunRecord run) {
    RunView view = RunView.of(run);
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .location(URI.create("/api/v1/runs/" + view.id()))
        .body(view);
  }

  /**
   * The caller's name, when they may {@code action} the run: a member of the team that owns it, or
   * the platform team (the same rule as for starting it). 404 for an unknown run, 403 otherwise.
   */
  private String mayDecide(String id, String action) {
    RunRecord run =
        runs.find(id).orElseThrow(() -> Problems.notFound("no run with id '" + id + "'"));
    CurrentUser me = users.current();
    RunPermissions.check(me, run.parameters().get("owner"), action);
    return me.name();
  }

  @GetMapping("/{id}")
  RunView get(@PathVariable String id) {
    return runs.find(id)
        .map(RunView::of)
        .orElseThrow(() -> Problems.notFound("no run with id '" + id + "'"));
  }

  @GetMapping
  Map<String, Object> list(
      @RequestParam(required = false) String status, @RequestParam(defaultValue = "50") int limit) {
    if (status != null
        && Arrays.stream(RunStatus.values()).noneMatch(s -> s.name().equals(status))) {
      throw Problems.invalid(
          "unknown status '" + status + "'",
          Map.of("allowed", Arrays.toString(RunStatus.values())));
    }
    if (limit < 1 || limit > 500) {
      throw Problems.invalid("limit must be between 1 and 500", Map.of());
    }
    return Map.of("runs", runs.list(status, limit).stream().map(RunView::summary).toList());
  }
}
