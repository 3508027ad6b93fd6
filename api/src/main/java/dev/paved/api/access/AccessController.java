package dev.paved.api.access;

import dev.paved.api.Items;
import dev.paved.api.Problems;
import dev.paved.api.identity.CurrentUser;
import dev.paved.api.identity.CurrentUsers;
import dev.paved.workflows.access.AccessStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
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

/** Production access: ask for it, decide on it, end it early, review a break-glass access. */
@Tag(name = "Access requests", description = "Production access for a limited time")
@RestController
@RequestMapping("/api/v1/access-requests")
class AccessController {

  private final AccessService access;
  private final CurrentUsers users;
  private final Clock clock;

  AccessController(AccessService access, CurrentUsers users, Clock clock) {
    this.access = access;
    this.users = users;
    this.clock = clock;
  }

  /** The body of a decision. */
  record DecisionBody(String decision, String comment) {}

  /** The body of a revoke, cancel or acknowledge; the comment is optional. */
  record CommentBody(String comment) {}

  /**
   * Asks for access: 202 once started. A retry with the same {@code Idempotency-Key} (by the same
   * user, with the same body) answers 200 with the request it started, and starts nothing.
   */
  @Operation(summary = "Ask for production access")
  @ApiResponse(
      responseCode = "202",
      description = "started; Location names the request",
      content = @Content(schema = @Schema(implementation = AccessView.class)))
  @ApiResponse(
      responseCode = "200",
      description = "the request a repeated Idempotency-Key started; nothing new is started")
  @ApiResponse(
      responseCode = "400",
      description = "a missing or malformed field or Idempotency-Key")
  @ApiResponse(
      responseCode = "403",
      description = "break-glass access asked by someone outside the on-call group")
  @ApiResponse(
      responseCode = "409",
      description = "a request with this Idempotency-Key is being processed")
  @ApiResponse(
      responseCode = "422",
      description = "against policy (an unknown service or role, a duration beyond the maximum)")
  @ApiResponse(responseCode = "503", description = "Temporal did not accept the request")
  @PostMapping
  ResponseEntity<AccessView> request(
      @RequestBody AccessRequestBody body,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
    if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
      throw Problems.invalid("Idempotency-Key must be 1 to 200 characters", Map.of());
    }
    AccessService.Started started = access.request(users.current(), body, idempotencyKey);
    AccessView view = view(started.request());
    return ResponseEntity.status(started.replayed() ? HttpStatus.OK : HttpStatus.ACCEPTED)
        .location(URI.create("/api/v1/access-requests/" + view.id()))
        .body(view);
  }

  /** 404 for a request the caller may not see, as for one that does not exist. */
  @Operation(summary = "Read an access request")
  @ApiResponse(responseCode = "200", description = "the request")
  @ApiResponse(
      responseCode = "404",
      description = "no request with this id that the caller may see")
  @GetMapping("/{id}")
  AccessView get(@PathVariable String id) {
    return view(access.find(id, users.current()));
  }

  /**
   * Newest first, only the requests the caller may see; {@code mine=true} for the caller's own,
   * {@code status} e.g. ACTIVE, EXPIRED.
   */
  @Operation(summary = "List the access requests the caller may see, newest first")
  @ApiResponse(responseCode = "200", description = "the requests")
  @ApiResponse(responseCode = "400", description = "an unknown status, or a limit outside 1..500")
  @GetMapping
  Items<AccessView> list(
      @RequestParam(defaultValue = "false") boolean mine,
      @RequestParam(required = false) String status,
      @RequestParam(defaultValue = "50") int limit) {
    if (status != null
        && Arrays.stream(AccessStatus.values()).noneMatch(s -> s.name().equals(status))) {
      throw Problems.invalid(
          "unknown status '" + status + "'",
          Map.of("allowed", Arrays.stream(AccessStatus.values()).map(Enum::name).toList()));
    }
    if (limit < 1 || limit > 500) {
      throw Problems.invalid("limit must be between 1 and 500", Map.of());
    }
    CurrentUser me = users.current();
    String requester = mine ? me.name() : null;
    return new Items<>(access.list(me, requester, status, limit).stream().map(this::view).toList());
  }

  @Operation(summary = "Approve or reject an access request")
  @ApiResponse(responseCode = "200", description = "done")
  @ApiResponse(
      responseCode = "202",
      description = "accepted and still being carried out",
      content = @Content(schema = @Schema(implementation = AccessView.class)))
  @ApiResponse(
      responseCode = "400",
      description = "no decision, or a word other than approve/reject")
  @ApiResponse(
      responseCode = "403",
      description = "not an approver of the request, or its own requester")
  @ApiResponse(responseCode = "404", description = "no request with this id")
  @ApiResponse(
      responseCode = "409",
      description = "the request is no longer pending, or the caller decided already")
  @ApiResponse(responseCode = "503", description = "Temporal did not take the decision")
  @PostMapping("/{id}/approval")
  ResponseEntity<AccessView> approval(@PathVariable String id, @RequestBody DecisionBody body) {
    CurrentUser me = users.current();
    String decision = body == null ? null : body.decision();
    return answer(access.decide(id, me, decision, body == null ? null : body.comment()));
  }

  @Operation(summary = "End granted access before its time")
  @ApiResponse(responseCode = "200", description = "done")
  @ApiResponse(
      responseCode = "202",
      description = "accepted and still being carried out",
      content = @Content(schema = @Schema(implementation = AccessView.class)))
  @ApiResponse(responseCode = "400", description = "a comment that is too long")
  @ApiResponse(responseCode = "403", description = "the caller may not do this to the request")
  @ApiResponse(responseCode = "404", description = "no request with this id")
  @ApiResponse(responseCode = "409", description = "the access is not active")
  @ApiResponse(responseCode = "503", description = "Temporal did not take the revoke")
  @PostMapping("/{id}/revoke")
  ResponseEntity<AccessView> revoke(
      @PathVariable String id, @RequestBody(required = false) CommentBody body) {
    return answer(access.act(id, "revoke", users.current(), comment(body)));
  }

  @Operation(summary = "Withdraw a pending access request")
  @ApiResponse(responseCode = "200", description = "done")
  @ApiResponse(
      responseCode = "202",
      description = "accepted and still being carried out",
      content = @Content(schema = @Schema(implementation = AccessView.class)))
  @ApiResponse(responseCode = "400", description = "a comment that is too long")
  @ApiResponse(responseCode = "403", description = "the caller may not do this to the request")
  @ApiResponse(responseCode = "404", description = "no request with this id")
  @ApiResponse(responseCode = "409", description = "the request is no longer pending")
  @ApiResponse(responseCode = "503", description = "Temporal did not take the cancel")
  @PostMapping("/{id}/cancel")
  ResponseEntity<AccessView> cancel(
      @PathVariable String id, @RequestBody(required = false) CommentBody body) {
    return answer(access.act(id, "cancel", users.current(), comment(body)));
  }

  @Operation(summary = "Acknowledge a break-glass access after review")
  @ApiResponse(responseCode = "200", description = "done")
  @ApiResponse(
      responseCode = "202",
      description = "accepted and still being carried out",
      content = @Content(schema = @Schema(implementation = AccessView.class)))
  @ApiResponse(responseCode = "400", description = "a comment that is too long")
  @ApiResponse(responseCode = "403", description = "the caller may not do this to the request")
  @ApiResponse(responseCode = "404", description = "no request with this id")
  @ApiResponse(
      responseCode = "409",
      description = "not a break-glass access, or acknowledged already")
  @ApiResponse(responseCode = "503", description = "Temporal did not take the acknowledgement")
  @PostMapping("/{id}/acknowledge")
  ResponseEntity<AccessView> acknowledge(
      @PathVariable String id, @RequestBody(required = false) CommentBody body) {
    return answer(access.act(id, "acknowledge", users.current(), comment(body)));
  }

  /** 200 once the change is done; 202 when it was accepted and is still being carried out. */
  private ResponseEntity<AccessView> answer(AccessService.Answer answer) {
    return ResponseEntity.status(answer.settled() ? HttpStatus.OK : HttpStatus.ACCEPTED)
        .body(view(answer.request()));
  }

  private AccessView view(AccessStore.Stored stored) {
    return AccessView.of(stored, clock.instant());
  }

  private static String comment(CommentBody body) {
    return body == null ? null : body.comment();
  }
}
