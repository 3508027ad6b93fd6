package dev.paved.api.runs;

import dev.paved.api.Items;
import dev.paved.api.Problems;
import dev.paved.api.dryrun.DryRunReport;
import dev.paved.api.dryrun.DryRunService;
import dev.paved.api.identity.CurrentUser;
import dev.paved.api.identity.CurrentUsers;
import dev.paved.workflows.goldenpath.RunStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
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
@Tag(name = "Runs", description = "Runs of golden-path templates and the decisions about them")
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
  @Operation(summary = "Start a run of a template, or preview one with dryRun=true")
  @ApiResponse(
      responseCode = "202",
      description = "started; Location names the run",
      content = @Content(schema = @Schema(implementation = RunView.class)))
  @ApiResponse(
      responseCode = "200",
      description =
          "with dryRun=true, what the run would make (nothing is started); or, for a repeated"
              + " Idempotency-Key, the run it started",
      content = @Content(schema = @Schema(oneOf = {DryRunReport.class, RunView.class})))
  @ApiResponse(
      responseCode = "400",
      description = "no template, parameters that do not match its form, a bad Idempotency-Key")
  @ApiResponse(responseCode = "403", description = "the caller is not a member of the owner team")
  @ApiResponse(responseCode = "404", description = "no template of this name")
  @ApiResponse(
      responseCode = "409",
      description =
          "a service of this name exists or is being created, or this Idempotency-Key is in use")
  @ApiResponse(
      responseCode = "422",
      description =
          "this Idempotency-Key was used for another request, or an approval step of the"
              + " template has no approver other than the requester")
  @ApiResponse(responseCode = "503", description = "Temporal did not accept the run")
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
  @Operation(summary = "Approve or reject the approval step the run waits at")
  @ApiResponse(responseCode = "200", description = "the decision was taken")
  @ApiResponse(
      responseCode = "400",
      description = "no decision, or a word other than approve/reject")
  @ApiResponse(
      responseCode = "403",
      description = "not an approver of the step, or the run's own requester")
  @ApiResponse(responseCode = "404", description = "no run with this id")
  @ApiResponse(
      responseCode = "409",
      description = "the run does not wait for approval, or the caller decided already")
  @ApiResponse(responseCode = "503", description = "Temporal did not take the decision")
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
  @Operation(summary = "Retry the failed step of a run that needs attention, then go on")
  @ApiResponse(
      responseCode = "202",
      description = "accepted: the failed step runs again",
      content = @Content(schema = @Schema(implementation = RunView.class)))
  @ApiResponse(
      responseCode = "400",
      description = "corrected parameters that do not match the run's form")
  @ApiResponse(responseCode = "403", description = "not a member of the run's owner team")
  @ApiResponse(responseCode = "404", description = "no run with this id")
  @ApiResponse(responseCode = "409", description = "the run is not in a state that allows this")
  @ApiResponse(responseCode = "503", description = "Temporal did not take the decision")
  @PostMapping("/{id}/retry")
  ResponseEntity<RunView> retry(
      @PathVariable String id, @RequestBody(required = false) RetryRequest request) {
    Map<String, Object> corrections = request == null ? null : request.parameters();
    return accepted(decisions.retry(id, corrections, mayDecide(id, "retry")));
  }

  /** Undoes what a run that needs attention made; it ends ROLLED_BACK. */
  @Operation(summary = "Roll back what a run that needs attention made")
  @ApiResponse(
      responseCode = "202",
      description = "accepted: the run is being rolled back",
      content = @Content(schema = @Schema(implementation = RunView.class)))
  @ApiResponse(responseCode = "403", description = "not a member of the run's owner team")
  @ApiResponse(responseCode = "404", description = "no run with this id")
  @ApiResponse(responseCode = "409", description = "the run is not in a state that allows this")
  @ApiResponse(responseCode = "503", description = "Temporal did not take the decision")
  @PostMapping("/{id}/rollback")
  ResponseEntity<RunView> rollback(@PathVariable String id) {
    return accepted(decisions.rollback(id, mayDecide(id, "roll back")));
  }

  /**
   * Stops a run in flight after its current step (a paused one at once) and undoes it. 200 with the
   * run as it ended ({@code CANCELLED}, or {@code FAILED} when an undo failed) once it has; 202
   * with status {@code CANCELLING} while it is still stopping or undoing (GET shows how it ends).
   */
  @Operation(summary = "Cancel a run in flight and undo what it made")
  @ApiResponse(
      responseCode = "200",
      description = "the run has ended: CANCELLED, or FAILED when an undo failed",
      content = @Content(schema = @Schema(implementation = RunView.class)))
  @ApiResponse(
      responseCode = "202",
      description = "accepted: the run is stopping or undoing; its status reads CANCELLING",
      content = @Content(schema = @Schema(implementation = RunView.class)))
  @ApiResponse(responseCode = "403", description = "not a member of the run's owner team")
  @ApiResponse(responseCode = "404", description = "no run with this id")
  @ApiResponse(responseCode = "409", description = "the run is not in a state that allows this")
  @ApiResponse(responseCode = "503", description = "Temporal did not take the decision")
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
  @Operation(summary = "Start a new run of an ended run's plan and parameters")
  @ApiResponse(
      responseCode = "202",
      description = "the new run, linked by rerunOf; Location names it",
      content = @Content(schema = @Schema(implementation = RunView.class)))
  @ApiResponse(responseCode = "403", description = "not a member of the run's owner team")
  @ApiResponse(responseCode = "404", description = "no run with this id")
  @ApiResponse(
      responseCode = "409",
      description = "the run has not ended, completed, or another run holds the service's name")
  @ApiResponse(responseCode = "503", description = "Temporal did not accept the new run")
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

  @Operation(summary = "Read a run: its status, steps, decisions and approvals")
  @ApiResponse(responseCode = "200", description = "the run")
  @ApiResponse(responseCode = "404", description = "no run with this id")
  @GetMapping("/{id}")
  RunView get(@PathVariable String id) {
    return runs.find(id)
        .map(RunView::of)
        .orElseThrow(() -> Problems.notFound("no run with id '" + id + "'"));
  }

  @Operation(
      summary = "List runs, newest first",
      description =
          "Every filter that is given narrows the list: status, template, the caller's own runs"
              + " (mine=true), runs made for one of the given teams (team, repeatable).")
  @ApiResponse(responseCode = "200", description = "the runs")
  @ApiResponse(responseCode = "400", description = "an unknown status, or a limit outside 1..500")
  @GetMapping
  Items<RunView.Summary> list(
      @Parameter(description = "only runs in this status, e.g. NEEDS_ATTENTION")
          @RequestParam(required = false)
          String status,
      @Parameter(description = "only runs of this template (its name)")
          @RequestParam(required = false)
          String template,
      @Parameter(description = "only runs the caller asked for")
          @RequestParam(defaultValue = "false")
          boolean mine,
      @Parameter(
              description =
                  "only runs made for this team (group name or group ref); repeat it for several")
          @RequestParam(required = false)
          List<String> team,
      @Parameter(description = "at most this many runs, 1..500") @RequestParam(defaultValue = "50")
          int limit) {
    if (status != null
        && Arrays.stream(RunStatus.values()).noneMatch(s -> s.name().equals(status))) {
      throw Problems.invalid(
          "unknown status '" + status + "'",
          Map.of("allowed", Arrays.stream(RunStatus.values()).map(Enum::name).toList()));
    }
    if (limit < 1 || limit > 500) {
      throw Problems.invalid("limit must be between 1 and 500", Map.of());
    }
    List<String> teams =
        team == null
            ? List.of()
            : team.stream().filter(t -> !t.isBlank()).map(ServiceIdentity::groupName).toList();
    String requestedBy = mine ? users.current().name() : null;
    RunFilter filter = new RunFilter(status, blankToNull(template), requestedBy, teams, limit);
    return new Items<>(runs.list(filter).stream().map(RunView.Summary::of).toList());
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
