package dev.paved.api.access;

import dev.paved.api.Cursor;
import dev.paved.api.EnumName;
import dev.paved.api.IdempotencyKey;
import dev.paved.api.Items;
import dev.paved.api.approvals.DecisionComments;
import dev.paved.api.identity.CurrentUser;
import dev.paved.api.identity.CurrentUsers;
import dev.paved.workflows.access.AccessStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.util.List;
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
  record DecisionBody(
      @NotNull @Pattern(regexp = "approve|reject", message = "must be 'approve' or 'reject'")
          String decision,
      @Size(max = DecisionComments.MAX_LENGTH) String comment) {}

  /** The body of a revoke, cancel or acknowledge; the comment is optional. */
  record CommentBody(@Size(max = DecisionComments.MAX_LENGTH) String comment) {}

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
      @Valid @RequestBody AccessRequestBody body,
      @RequestHeader(name = "Idempotency-Key", required = false) @IdempotencyKey
          String idempotencyKey) {
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
   * Newest first, only the requests the caller may see, a page at a time; {@code mine=true} for the
   * caller's own, {@code status} e.g. ACTIVE, EXPIRED.
   */
  @Operation(summary = "List the access requests the caller may see, newest first, by pages")
  @ApiResponse(responseCode = "200", description = "a page of requests")
  @ApiResponse(
      responseCode = "400",
      description = "an unknown status, a limit outside 1..500, or a cursor this list never gave")
  @GetMapping
  Items<AccessView> list(
      @RequestParam(defaultValue = "false") boolean mine,
      @RequestParam(required = false) @EnumName(AccessStatus.class) String status,
      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
      @Parameter(description = "the nextCursor of the previous page")
          @RequestParam(required = false)
          String cursor) {
    CurrentUser me = users.current();
    String requester = mine ? me.name() : null;
    List<AccessStore.Stored> rows =
        access.list(me, requester, status, limit + 1, Cursor.decode(cursor));
    return Items.page(rows, limit, AccessStore.Stored::position, this::view);
  }

  @Operation(summary = "Approve or reject an access request")
  @AccessActionAnswers
  @ApiResponse(
      responseCode = "409",
      description = "the request is no longer pending, or the caller decided already")
  @PostMapping("/{id}/approval")
  ResponseEntity<AccessView> approval(
      @PathVariable String id, @Valid @RequestBody DecisionBody body) {
    return answer(access.decide(id, users.current(), body.decision(), body.comment()));
  }

  @Operation(summary = "End granted access before its time")
  @AccessActionAnswers
  @ApiResponse(responseCode = "409", description = "the access is not active")
  @PostMapping("/{id}/revoke")
  ResponseEntity<AccessView> revoke(
      @PathVariable String id, @Valid @RequestBody(required = false) CommentBody body) {
    return answer(access.act(id, "revoke", users.current(), comment(body)));
  }

  @Operation(summary = "Withdraw a pending access request")
  @AccessActionAnswers
  @ApiResponse(responseCode = "409", description = "the request is no longer pending")
  @PostMapping("/{id}/cancel")
  ResponseEntity<AccessView> cancel(
      @PathVariable String id, @Valid @RequestBody(required = false) CommentBody body) {
    return answer(access.act(id, "cancel", users.current(), comment(body)));
  }

  @Operation(summary = "Acknowledge a break-glass access after review")
  @AccessActionAnswers
  @ApiResponse(
      responseCode = "409",
      description = "not a break-glass access, or acknowledged already")
  @PostMapping("/{id}/acknowledge")
  ResponseEntity<AccessView> acknowledge(
      @PathVariable String id, @Valid @RequestBody(required = false) CommentBody body) {
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
