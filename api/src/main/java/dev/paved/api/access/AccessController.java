package dev.paved.api.access;

import dev.paved.api.Problems;
import dev.paved.api.identity.CurrentUser;
import dev.paved.api.identity.CurrentUsers;
import dev.paved.workflows.access.AccessStatus;
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
  @GetMapping("/{id}")
  AccessView get(@PathVariable String id) {
    return view(access.find(id, users.current()));
  }

  /**
   * Newest first, only the requests the caller may see; {@code mine=true} for the caller's own,
   * {@code status} e.g. ACTIVE, EXPIRED.
   */
  @GetMapping
  Map<String, Object> list(
      @RequestParam(defaultValue = "false") boolean mine,
      @RequestParam(required = false) String status,
      @RequestParam(defaultValue = "50") int limit) {
    if (status != null
        && Arrays.stream(AccessStatus.values()).noneMatch(s -> s.name().equals(status))) {
      throw Problems.invalid(
          "unknown status '" + status + "'",
          Map.of("allowed", Arrays.toString(AccessStatus.values())));
    }
    if (limit < 1 || limit > 500) {
      throw Problems.invalid("limit must be between 1 and 500", Map.of());
    }
    CurrentUser me = users.current();
    String requester = mine ? me.name() : null;
    return Map.of(
        "items", access.list(me, requester, status, limit).stream().map(this::view).toList());
  }

  @PostMapping("/{id}/approval")
  ResponseEntity<AccessView> approval(@PathVariable String id, @RequestBody DecisionBody body) {
    CurrentUser me = users.current();
    String decision = body == null ? null : body.decision();
    return answer(access.decide(id, me, decision, body == null ? null : body.comment()));
  }

  @PostMapping("/{id}/revoke")
  ResponseEntity<AccessView> revoke(
      @PathVariable String id, @RequestBody(required = false) CommentBody body) {
    return answer(access.act(id, "revoke", users.current(), comment(body)));
  }

  @PostMapping("/{id}/cancel")
  ResponseEntity<AccessView> cancel(
      @PathVariable String id, @RequestBody(required = false) CommentBody body) {
    return answer(access.act(id, "cancel", users.current(), comment(body)));
  }

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
