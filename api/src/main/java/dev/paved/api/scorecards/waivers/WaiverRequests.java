package dev.paved.api.scorecards.waivers;

import dev.paved.api.Problems;
import dev.paved.api.approvals.DecisionComments;
import dev.paved.api.approvals.ValidatorRefusals;
import dev.paved.api.catalog.CatalogDirectory;
import dev.paved.api.catalog.EntityRef;
import dev.paved.api.identity.CurrentUser;
import dev.paved.api.identity.CurrentUsers;
import dev.paved.workflows.approval.ApprovalRule;
import dev.paved.workflows.approval.DecisionRequest;
import dev.paved.workflows.approval.Groups;
import dev.paved.workflows.scorecards.waiver.WaiverInput;
import dev.paved.workflows.scorecards.waiver.WaiverStatus;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowUpdateException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Starts waivers (after every check that can refuse them) and passes on decisions. */
@Service
class WaiverRequests {

  private static final Logger log = LoggerFactory.getLogger(WaiverRequests.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ScorecardRules scorecards;
  private final CatalogDirectory catalog;
  private final WaiverStore store;
  private final WaiverWorkflows workflows;
  private final WaiverProperties properties;
  private final CurrentUsers users;
  private final Clock clock;

  WaiverRequests(
      ScorecardRules scorecards,
      CatalogDirectory catalog,
      WaiverStore store,
      WaiverWorkflows workflows,
      WaiverProperties properties,
      CurrentUsers users,
      Clock clock) {
    this.scorecards = scorecards;
    this.catalog = catalog;
    this.store = store;
    this.workflows = workflows;
    this.properties = properties;
    this.users = users;
    this.clock = clock;
  }

  /** Checks the waiver and starts its workflow; it waits PENDING for an approver. */
  WaiverView request(CurrentUser requester, String scorecardId, WaiverBody body) {
    scorecards.checkRules(scorecardId, List.of(body.rule()));
    EntityRef ref;
    try {
      ref = EntityRef.parse(body.entity(), "component", "default");
    } catch (IllegalArgumentException e) {
      throw Problems.invalid(e.getMessage(), Map.of());
    }
    if (!catalog.exists(ref.kind(), ref.namespace(), ref.name())) {
      throw Problems.notFound(ref + " is not in the catalog");
    }
    String owner =
        catalog
            .ownerOf(ref.kind(), ref.namespace(), ref.name())
            .orElseThrow(
                () ->
                    Problems.refused(
                        ref + " has no owner in the catalog: nobody may ask to waive its rules",
                        Map.of("entity", ref.toString())));
    if (!requester.mayActFor(owner)) {
      throw Problems.forbidden(
          "only the owning team (" + owner + ") or the platform team may ask for a waiver");
    }
    Instant now = clock.instant();
    Instant latest = now.plus(properties.waiverMaxDuration());
    if (!body.expiresAt().isAfter(now)) {
      throw Problems.invalid("expiresAt must be in the future", Map.of("now", now.toString()));
    }
    if (body.expiresAt().isAfter(latest)) {
      throw Problems.invalid(
          "a waiver lasts at most " + properties.waiverMaxDuration().toDays() + " days",
          Map.of("latestExpiresAt", latest.toString()));
    }
    String id = newWaiverId();
    long decideBy =
        Math.min(
            body.expiresAt().toEpochMilli(),
            now.plus(properties.waiverPendingTimeout()).toEpochMilli());
    WaiverInput input =
        new WaiverInput(
            id,
            scorecardId,
            body.rule(),
            ref.toString(),
            owner,
            body.reason().strip(),
            body.expiresAt().toEpochMilli(),
            requester.name(),
            new ApprovalRule(approvers(scorecardId), 1),
            decideBy);
    store.insert(input, now);
    try {
      workflows.start(input);
    } catch (RuntimeException e) {
      store.delete(id);
      log.warn("Could not start waiver {}: {}", id, e.toString());
      throw Problems.unavailable("Temporal did not accept the waiver; nothing was started");
    }
    log.info(
        "Waiver {}: {} asks to waive {} of {} for {}",
        id,
        requester.name(),
        body.rule(),
        scorecardId,
        ref);
    return find(id);
  }

  /** The groups whose members decide the scorecard's waivers. */
  List<String> approvers(String scorecardId) {
    List<String> configured = properties.waiverApprovers().get(scorecardId);
    if (configured == null || configured.isEmpty()) {
      return List.of(Groups.name(users.platformGroup()));
    }
    return List.copyOf(new LinkedHashSet<>(configured.stream().map(Groups::name).toList()));
  }

  List<WaiverView> list(String scorecardId, String status, int limit) {
    scorecards.levels(scorecardId);
    if (status != null && !List.of("PENDING", "APPROVED", "REJECTED", "EXPIRED").contains(status)) {
      throw Problems.invalid("status must be PENDING, APPROVED, REJECTED or EXPIRED", Map.of());
    }
    Instant now = clock.instant();
    // an approved waiver past its expiry is EXPIRED at once, its workflow's record may follow
    String stored = "EXPIRED".equals(status) ? null : status;
    return store.list(scorecardId, stored, limit).stream()
        .map(v -> current(v, now))
        .filter(v -> status == null || status.equals(v.status()))
        .toList();
  }

  WaiverView find(String id) {
    return store
        .find(id)
        .map(v -> current(v, clock.instant()))
        .orElseThrow(() -> Problems.notFound("no waiver with id '" + id + "'"));
  }

  /** The approver's decision, through the workflow's validator (never the requester's own). */
  WaiverView decide(String id, CurrentUser caller, boolean approve, String comment) {
    WaiverView known = find(id);
    if (WaiverStatus.REJECTED.name().equals(known.status())
        || WaiverStatus.EXPIRED.name().equals(known.status())) {
      // its workflow has ended: nothing there to ask
      throw Problems.conflict("the waiver is " + known.status() + " already", Map.of());
    }
    DecisionRequest request =
        new DecisionRequest(
            caller.caller(),
            approve ? DecisionRequest.APPROVE : DecisionRequest.REJECT,
            DecisionComments.checked(comment));
    try {
      workflows.decide(id, request);
    } catch (WorkflowUpdateException e) {
      throw ValidatorRefusals.of(e);
    } catch (WorkflowNotFoundException e) {
      throw Problems.conflict(
          "the waiver has ended (" + known.status() + ")", Map.of("waiverId", id));
    } catch (RuntimeException e) {
      log.warn("Waiver {}: decision not delivered: {}", id, e.toString());
      throw Problems.unavailable("Temporal did not take the decision; nothing changed");
    }
    return find(id);
  }

  private static WaiverView current(WaiverView v, Instant now) {
    if (WaiverStatus.APPROVED.name().equals(v.status()) && !v.expiresAt().isAfter(now)) {
      return new WaiverView(
          v.id(),
          v.scorecard(),
          v.rule(),
          v.entity(),
          v.owner(),
          v.reason(),
          v.expiresAt(),
          WaiverStatus.EXPIRED.name(),
          v.requestedBy(),
          v.requestedAt(),
          v.approvers(),
          v.decidedBy(),
          v.decidedAt(),
          v.comment());
    }
    return v;
  }

  private static String newWaiverId() {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return "w-" + HexFormat.of().formatHex(bytes);
  }
}
