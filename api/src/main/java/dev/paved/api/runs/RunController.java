package dev.paved.api.runs;

import dev.paved.api.Problems;
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

/** Runs of golden-path templates: start one, follow it, list them. */
@RestController
@RequestMapping("/api/v1/runs")
class RunController {

  private final RunService runs;
  private final CurrentUsers users;

  RunController(RunService runs, CurrentUsers users) {
    this.runs = runs;
    this.users = users;
  }

  /** The body of {@code POST /runs}. */
  record RunRequest(String template, Map<String, Object> parameters) {}

  @PostMapping
  ResponseEntity<RunView> start(
      @RequestBody RunRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
    if (request == null || request.template() == null || request.template().isBlank()) {
      throw Problems.invalid("'template' is required", Map.of());
    }
    if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
      throw Problems.invalid("Idempotency-Key must be 1 to 200 characters", Map.of());
    }
    Map<String, Object> parameters = request.parameters() == null ? Map.of() : request.parameters();
    CurrentUser me = users.current();
    mayStart(me, parameters.get("owner"));
    RunService.Started started =
        runs.start(request.template(), parameters, me.name(), idempotencyKey);
    RunView view = RunView.of(started.run());
    return ResponseEntity.status(started.replayed() ? HttpStatus.OK : HttpStatus.ACCEPTED)
        .location(URI.create("/api/v1/runs/" + view.id()))
        .body(view);
  }

  /**
   * A team member starts runs their team owns; the platform team starts any. A run without an
   * {@code owner} is the platform team's (a default owner must not let anyone in).
   */
  private static void mayStart(CurrentUser me, Object owner) {
    if (owner instanceof String team && !team.isBlank() ? me.mayActFor(team) : me.platform()) {
      return;
    }
    throw Problems.forbidden(
        owner instanceof String team && !team.isBlank()
            ? me.name() + " is not a member of " + team + ": only its members start its runs"
            : "a run without an 'owner' parameter is started by the platform team");
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
