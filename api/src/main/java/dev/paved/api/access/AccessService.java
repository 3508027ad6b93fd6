package dev.paved.api.access;

import dev.paved.api.Cursor;
import dev.paved.api.Hashes;
import dev.paved.api.Problems;
import dev.paved.api.approvals.DecisionComments;
import dev.paved.api.approvals.ValidatorRefusals;
import dev.paved.api.identity.CurrentUser;
import dev.paved.workflows.access.AccessAction;
import dev.paved.workflows.access.AccessInput;
import dev.paved.workflows.access.AccessSnapshot;
import dev.paved.workflows.approval.DecisionRequest;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowUpdateException;
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

/** Starts access requests (after every check that can refuse them) and passes on decisions. */
@Service
class AccessService {

  private static final Logger log = LoggerFactory.getLogger(AccessService.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final AccessPolicy policy;
  private final AccessStore store;
  private final AccessWorkflows workflows;
  private final AccessVisibility visibility;
  private final Clock clock;

  AccessService(
      AccessPolicy policy,
      AccessStore store,
      AccessWorkflows workflows,
      AccessVisibility visibility,
      Clock clock) {
    this.policy = policy;
    this.store = store;
    this.workflows = workflows;
    this.visibility = visibility;
    this.clock = clock;
  }

  /** A request as the API answers: the snapshot, and whether the change asked for has settled. */
  record Answer(AccessStore.Stored request, boolean settled) {}

  /** A request that was started, or found again by its Idempotency-Key. */
  record Started(AccessStore.Stored request, boolean replayed) {}

  /**
   * Checks and starts a request. With an Idempotency-Key the requester used before, answers that
   * request and starts nothing (422 when the key came with a different body).
   */
  Started request(CurrentUser requester, AccessRequestBody body, String idempotencyKey) {
    String requestHash = idempotencyKey == null ? null : hash(body);
    if (idempotencyKey != null) {
      Optional<Started> replay = replay(requester, idempotencyKey, requestHash);
      if (replay.isPresent()) {
        return replay.get();
      }
    }
    String id = newRequestId();
    AccessInput input = policy.check(id, requester, body);
    Instant now = clock.instant();
    try {
      store.insert(
          AccessSnapshot.requested(input, now.toEpochMilli()), now, idempotencyKey, requestHash);
    } catch (DuplicateKeyException raced) {
      if (idempotencyKey == null) {
        throw raced;
      }
      // a retry with the same key won the race: its request is the answer once it is recorded
      return replay(requester, idempotencyKey, requestHash)
          .orElseThrow(
              () ->
                  Problems.conflict(
                      "a request with this Idempotency-Key is being processed; retry it shortly",
                      Map.of("idempotencyKey", idempotencyKey)));
    }
    try {
      workflows.start(input);
    } catch (RuntimeException e) {
      store.delete(id);
      log.warn("Could not start access request {}: {}", id, e.toString());
      throw Problems.unavailable("Temporal did not accept the request; nothing was started");
    }
    if (input.breakGlass()) {
      // granted at once: answer the grant as made (ACTIVE, or FAILED), not the request before it
      workflows.awaitGranted(id);
    }
    log.info(
        "Access request {}: {} asks {} on {} ({}) for {}{}",
        id,
        requester.name(),
        input.role(),
        input.service(),
        input.environment(),
        input.duration(),
        input.breakGlass() ? ", break-glass" : "");
    return new Started(store.find(id).orElseThrow(), false);
  }

  private Optional<Started> replay(CurrentUser requester, String key, String requestHash) {
    return store
        .findByIdempotencyKey(requester.name(), key)
        .map(
            found -> {
              if (!requestHash.equals(found.requestHash())) {
                throw Problems.problem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "idempotency-key-reused",
                    "Idempotency-Key reused",
                    "this Idempotency-Key was used for a different request ("
                        + found.request().id()
                        + ")",
                    Map.of("requestId", found.request().id()));
              }
              return new Started(found.request(), true);
            });
  }

  /** What was asked, as a hash: a retry sends the same, a reused key something else. */
  private static String hash(AccessRequestBody body) {
    String text =
        body == null
            ? ""
            : String.join(
                "\n",
                String.valueOf(body.service()),
                String.valueOf(body.environment()),
                String.valueOf(body.role()),
                String.valueOf(body.reason()),
                String.valueOf(body.duration()),
                String.valueOf(Boolean.TRUE.equals(body.breakGlass())));
    return Hashes.sha256(text);
  }

  /**
   * The caller's decision. A request the caller may not see is answered 404 as GET answers it,
   * before any check of its state or of who may decide: nothing about it is told.
   */
  Answer decide(String id, CurrentUser caller, String decision, String comment) {
    return update(
        id,
        caller,
        "decide",
        new DecisionRequest(caller.caller(), decision, DecisionComments.checked(comment)));
  }

  Answer act(String id, String update, CurrentUser caller, String comment) {
    return update(
        id, caller, update, new AccessAction(caller.caller(), DecisionComments.checked(comment)));
  }

  /** The request, when {@code viewer} may see it; 404 as for an unknown id otherwise. */
  AccessStore.Stored find(String id, CurrentUser viewer) {
    return store
        .find(id)
        .filter(stored -> visibility.sees(viewer, stored.snapshot().request()))
        .orElseThrow(() -> notFound(id));
  }

  /** Newest first, only the requests {@code viewer} may see. */
  List<AccessStore.Stored> list(
      CurrentUser viewer, String requestedBy, String status, int limit, Cursor after) {
    return store.list(
        null, requestedBy, status, limit, visibility.reader(viewer).orElse(null), after);
  }

  private static RuntimeException notFound(String id) {
    return Problems.notFound("no access request with id '" + id + "'");
  }

  private Answer update(String id, CurrentUser caller, String update, Object argument) {
    AccessStore.Stored known = find(id, caller);
    try {
      boolean settled = workflows.update(id, update, argument).isPresent();
      return new Answer(find(id, caller), settled);
    } catch (WorkflowUpdateException e) {
      throw ValidatorRefusals.of(e);
    } catch (WorkflowNotFoundException e) {
      throw Problems.conflict(
          "the request has ended (" + known.snapshot().status() + ")", Map.of("requestId", id));
    } catch (RuntimeException e) {
      log.warn("Access request {}: {} not delivered: {}", id, update, e.toString());
      throw Problems.unavailable("Temporal did not take the " + update + "; nothing changed");
    }
  }

  private static String newRequestId() {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return "a-" + HexFormat.of().formatHex(bytes);
  }
}
