package dev.paved.api.runs;

import dev.paved.api.ApiLimits;
import dev.paved.api.Cursor;
import dev.paved.api.EnumName;
import dev.paved.api.IdempotencyKey;
import dev.paved.api.Items;
import dev.paved.api.Problems;
import dev.paved.api.approvals.DecisionComments;
import dev.paved.api.dryrun.DryRunReport;
import dev.paved.api.dryrun.DryRunService;
import dev.paved.api.identity.CurrentUser;
import dev.paved.api.identity.CurrentUsers;
import dev.paved.api.runs.RunPolicy.Action;
import dev.paved.workflows.goldenpath.RunStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
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
 * attention (retry, roll back, cancel, re-run). Who may do what is {@link RunPolicy}'s.
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
  private final ApiLimits limits;

  RunController(
      RunService runs,
      RunDecisions decisions,
      Reruns reruns,
      DryRunService dryRuns,
      CurrentUsers users,
      ApiLimits limits) {
    this.runs = runs;
    this.decisions = decisions;
    this.reruns = reruns;
    this.dryRuns = dryRuns;
    this.users = users;
    this.limits = limits;
  }

  /** The body of {@code POST /runs}. */
  record RunRequest(
      @NotBlank @Size(max = MAX_TEMPLATE_NAME) String template, Map<String, Object> parameters) {}

  /** Longer than any template's name (an entity name has at most 63 characters). */
  static final int MAX_TEMPLATE_NAME = 100;

  /**
   * The body of {@code POST /runs/{id}/retry}, optional: parameters to correct, merged over the
   * run's (null removes one); they apply to the failed step and those after it.
   */
  record RetryRequest(Map<String, Object> parameters) {}

  /** The body of {@code POST /runs/{id}/approval}. */
  record ApprovalRequest(
      @NotNull @Pattern(regexp = "approve|reject", message = "must be 'approve' or 'reject'")
          String decision,
      @Size(max = DecisionComments.MAX_LENGTH) String comment) {}

  /**
   * Starts a run; with {@code dryRun=true}, answers what the run would make (200, {@link
   * DryRunReport}) and makes nothing: no run, no claim on the name, no workflow. Both pass the same
   * admission ({@link RunService#admit}), so a dry run is refused exactly as the start would be
   * (same status and problem); a dry run whose Idempotency-Key replays a run answers that run, as
   * the start would.
   */
  @Operation(summary = "Start a run of a template, or preview one with dryRun=true")
  @RunStartAnswers
  @PostMapping
  ResponseEntity<?> start(
      @Valid @RequestBody RunRequest request,
      @RequestParam(defaultValue = "false") boolean dryRun,
      @RequestHeader(name = "Idempotency-Key", required = false) @IdempotencyKey
          String idempotencyKey) {
    CurrentUser me = users.current();
    RunService.Admission admission =
        runs.admit(
            request.template(),
            request.parameters(),
            me,
            idempotencyKey,
            dryRun ? DryRunService.RUN_ID : RunService.newRunId());
    if (dryRun && admission.replay() == null) {
      RunChecks.Checked checked = admission.checked();
      return ResponseEntity.ok(
          dryRuns.run(
              checked.template(), checked.values(), checked.identity().serviceKey(), me.name()));
    }
    RunService.Started started = dryRun ? admission.replay() : runs.start(admission, me.name());
    return at(started.replayed() ? HttpStatus.OK : HttpStatus.ACCEPTED, started.run());
  }

  /**
   * Approves or rejects the approval step the run waits at. Anyone signed in may ask; the run's
   * approval step decides who counts (its approver groups, never the requester): 403 otherwise.
   */
  @Operation(summary = "Approve or reject the approval step the run waits at")
  @ApiResponse(responseCode = "200", description = "the decision was taken")
  @ApiResponse(
      responseCode = "400",
      description = "no decision, a word other than approve/reject, or a comment too long")
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
      @PathVariable String id, @Valid @RequestBody ApprovalRequest request) {
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
  @ApiResponse(responseCode = "409", description = "the run is not in a state that allows this")
  @RunDecisionAnswers
  @PostMapping("/{id}/retry")
  ResponseEntity<RunView> retry(
      @PathVariable String id, @RequestBody(required = false) RetryRequest request) {
    Map<String, Object> corrections = request == null ? null : request.parameters();
    RunChecks.withinLimits(limits, corrections);
    String me = decider(id, Action.RETRY);
    return at(HttpStatus.ACCEPTED, decisions.retry(id, corrections, me));
  }

  /** Undoes what a run that needs attention made; it ends ROLLED_BACK. */
  @Operation(summary = "Roll back what a run that needs attention made")
  @ApiResponse(
      responseCode = "202",
      description = "accepted: the run is being rolled back",
      content = @Content(schema = @Schema(implementation = RunView.class)))
  @ApiResponse(responseCode = "409", description = "the run is not in a state that allows this")
  @RunDecisionAnswers
  @PostMapping("/{id}/rollback")
  ResponseEntity<RunView> rollback(@PathVariable String id) {
    return at(HttpStatus.ACCEPTED, decisions.rollback(id, decider(id, Action.ROLL_BACK)));
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
  @ApiResponse(responseCode = "409", description = "the run is not in a state that allows this")
  @RunDecisionAnswers
  @PostMapping("/{id}/cancel")
  ResponseEntity<RunView> cancel(@PathVariable String id) {
    RunRecord run = decisions.cancel(id, decider(id, Action.CANCEL));
    if (RunStatus.valueOf(run.status()).isTerminal()) {
      return at(HttpStatus.OK, run);
    }
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .location(location(run))
        .body(RunView.of(run).withStatus(RunView.CANCELLING));
  }

  /** Starts a new run of an ended run's plan and parameters, linked to it by rerunOf. */
  @Operation(summary = "Start a new run of an ended run's plan and parameters")
  @ApiResponse(
      responseCode = "202",
      description = "the new run, linked by rerunOf; Location names it",
      content = @Content(schema = @Schema(implementation = RunView.class)))
  @ApiResponse(
      responseCode = "409",
      description = "the run has not ended, completed, or another run holds the service's name")
  @RunDecisionAnswers
  @PostMapping("/{id}/rerun")
  ResponseEntity<RunView> rerun(@PathVariable String id) {
    return at(HttpStatus.ACCEPTED, reruns.rerun(id, decider(id, Action.RERUN)));
  }

  @Operation(summary = "Read a run: its status, steps, decisions and approvals")
  @ApiResponse(responseCode = "200", description = "the run")
  @ApiResponse(responseCode = "404", description = "no run with this id")
  @GetMapping("/{id}")
  RunView get(@PathVariable String id) {
    return RunView.of(found(id));
  }

  @Operation(
      summary = "List runs, newest first, a page at a time",
      description =
          "Every filter that is given narrows the list: status, template, the caller's own runs"
              + " (mine=true), runs made for one of the given teams (team, repeatable). Pass the"
              + " answer's nextCursor as cursor for the next page.")
  @ApiResponse(responseCode = "200", description = "a page of runs")
  @ApiResponse(
      responseCode = "400",
      description = "an unknown status, a limit outside 1..500, or a cursor this list never gave")
  @GetMapping
  Items<RunView.Summary> list(
      @Parameter(description = "only runs in this status, e.g. NEEDS_ATTENTION")
          @RequestParam(required = false)
          @EnumName(RunStatus.class)
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
      @Parameter(description = "at most this many runs, 1..500")
          @RequestParam(defaultValue = "50")
          @Min(1)
          @Max(500)
          int limit,
      @Parameter(description = "the nextCursor of the previous page")
          @RequestParam(required = false)
          String cursor) {
    List<String> teams =
        team == null
            ? List.of()
            : team.stream().filter(t -> !t.isBlank()).map(ServiceIdentity::groupName).toList();
    String requestedBy = mine ? users.current().name() : null;
    String only = template == null || template.isBlank() ? null : template;
    RunFilter filter =
        new RunFilter(status, only, requestedBy, teams, limit + 1, Cursor.decode(cursor));
    return Items.page(runs.list(filter), limit, RunFilter::positionOf, RunView.Summary::of);
  }

  /** The caller's name, when {@link RunPolicy} lets them {@code action} the run. */
  private String decider(String id, Action action) {
    return RunPolicy.decide(users.current(), found(id), action);
  }

  private RunRecord found(String id) {
    return runs.find(id).orElseThrow(() -> Problems.notFound("no run with id '" + id + "'"));
  }

  private static ResponseEntity<RunView> at(HttpStatus status, RunRecord run) {
    return ResponseEntity.status(status).location(location(run)).body(RunView.of(run));
  }

  private static URI location(RunRecord run) {
    return URI.create("/api/v1/runs/" + run.id());
  }
}
