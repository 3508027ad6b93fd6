package dev.paved.workflows.access;

import static dev.paved.workflows.access.AccessHarness.ALICE;
import static dev.paved.workflows.access.AccessHarness.BOB;
import static dev.paved.workflows.access.AccessHarness.REQUEST_ID;
import static dev.paved.workflows.access.AccessHarness.SAM;
import static dev.paved.workflows.access.AccessHarness.active;
import static dev.paved.workflows.access.AccessHarness.input;
import static dev.paved.workflows.access.AccessHarness.pending;
import static dev.paved.workflows.access.AccessHarness.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import dev.paved.workflows.approval.Decision;
import dev.paved.workflows.approval.DecisionRequest;
import dev.paved.workflows.approval.Refusals;
import dev.paved.workflows.audit.AuditEntry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A request started again from where Paved's record left it (local mode, after a restart): the
 * grant is held, not made again, and revoked at its original expiry; a waiting request keeps its
 * deadline and decisions; a break-glass review keeps its due time; audit ids go on, never repeat.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS) // a guard against a hung workflow, not an assertion
class AccessResumeTest {

  private static final Duration ONE_HOUR = Duration.ofHours(1);
  private static final long MINUTE = Duration.ofMinutes(1).toMillis();

  @RegisterExtension final AccessHarness harness = new AccessHarness();

  private long now() {
    return harness.env.currentTimeMillis();
  }

  private static Decision approvedBy(String user, long at) {
    return new Decision(user, "approve", "ok", at);
  }

  @Test
  void anActiveGrantIsHeldNotMadeAgainAndRevokedAtItsOriginalExpiry() throws Exception {
    long grantedAt = now() - 30 * MINUTE;
    AccessSnapshot stored =
        active(
            input("write", 1, ONE_HOUR, false),
            grantedAt - MINUTE,
            List.of(approvedBy("bob", grantedAt)),
            grantedAt);

    AccessRequestWorkflow request = harness.resume(new AccessResume(stored, 3));
    harness.env.sleep(Duration.ofMinutes(29));
    verify(harness.grants, never()).revokeAccess(any());
    AccessSnapshot end = result(request);

    assertThat(end.status()).isEqualTo(AccessStatus.EXPIRED);
    assertThat(end.grantedAt()).isEqualTo(grantedAt);
    assertThat(harness.revokedAt)
        .singleElement()
        .satisfies(at -> assertThat(at).isBetween(stored.expiresAt(), stored.expiresAt() + MINUTE));
    verify(harness.grants, never()).grantAccess(any());
    verify(harness.grants)
        .revokeAccess(new GrantRevocation(GrantRequest.of(stored.request()), stored.grantRef()));
    assertThat(harness.auditOnce("access.expired"))
        .extracting(e -> e.eventId() + " " + e.action())
        .containsExactly(REQUEST_ID + "#4 access.recovered", REQUEST_ID + "#5 access.expired");
  }

  @Test
  void anActiveGrantWhoseEndPassedWhilePavedWasStoppedIsRevokedAtOnce() throws Exception {
    long grantedAt = now() - 3 * ONE_HOUR.toMillis();
    AccessSnapshot stored =
        active(input("read", 1, ONE_HOUR, false), grantedAt, List.of(), grantedAt);
    long resumedAt = now();

    AccessSnapshot end = result(harness.resume(new AccessResume(stored, 3)));

    assertThat(end.status()).isEqualTo(AccessStatus.EXPIRED);
    assertThat(end.endedBy()).isEqualTo(AuditEntry.PAVED);
    assertThat(end.endReason()).isEqualTo("revoked at the end of its duration");
    assertThat(harness.revokedAt)
        .singleElement()
        .satisfies(at -> assertThat(at).isLessThan(resumedAt + MINUTE));
    verify(harness.grants, never()).grantAccess(any());
    assertThat(harness.auditOnce("access.expired"))
        .extracting(AuditEntry::action)
        .containsExactly("access.recovered", "access.expired");
  }

  @Test
  void aWaitingRequestKeepsItsDecisionsAndAnApproverCountsOnce() throws Exception {
    long requestedAt = now() - 2 * ONE_HOUR.toMillis();
    AccessSnapshot stored =
        pending(
            input("admin", 2, ONE_HOUR, false),
            requestedAt,
            List.of(approvedBy("bob", requestedAt + MINUTE)));

    AccessRequestWorkflow request = harness.resume(new AccessResume(stored, 2));

    assertThat(request.snapshot().approvals()).isEqualTo(1);
    assertThat(Refusals.refusal(() -> request.decide(new DecisionRequest(BOB, "approve", ""))))
        .isEqualTo("Conflict");
    assertThat(Refusals.refusal(() -> request.decide(new DecisionRequest(ALICE, "approve", ""))))
        .isEqualTo("Forbidden");
    AccessSnapshot granted = request.decide(new DecisionRequest(SAM, "approve", "ok"));

    assertThat(granted.status()).isEqualTo(AccessStatus.ACTIVE);
    assertThat(granted.decisions()).extracting(Decision::user).containsExactly("bob", "sam");
    assertThat(granted.requestedAt()).isEqualTo(requestedAt);
    verify(harness.grants, times(1)).grantAccess(any());
    assertThat(harness.auditOnce("access.granted"))
        .extracting(e -> e.eventId() + " " + e.action())
        .containsExactly(
            REQUEST_ID + "#3 access.recovered",
            REQUEST_ID + "#4 access.approved",
            REQUEST_ID + "#5 access.granted");
    assertThat(harness.audit().get(1).detail()).containsEntry("approvals", "2/2");
  }

  @Test
  void aWaitingRequestExpiresAtItsOriginalDeadline() {
    long requestedAt = now() - Duration.ofHours(23).toMillis();
    AccessSnapshot stored = pending(input("read", 1, ONE_HOUR, false), requestedAt, List.of());

    AccessSnapshot end = result(harness.resume(new AccessResume(stored, 1)));

    long deadline = requestedAt + Duration.ofHours(24).toMillis();
    assertThat(end.status()).isEqualTo(AccessStatus.EXPIRED);
    assertThat(end.endReason()).isEqualTo("no decision within PT24H");
    assertThat(end.endedAt()).isBetween(deadline, deadline + MINUTE);
    verify(harness.grants, never()).grantAccess(any());
  }

  @Test
  void aRequestItsWorkflowNeverRecordedIsRecordedFromTheStart() throws Exception {
    AccessSnapshot stored = pending(input("read", 1, ONE_HOUR, false), now(), List.of());

    AccessRequestWorkflow request = harness.resume(new AccessResume(stored, 0));
    request.cancel(new AccessAction(ALICE, "not needed"));
    result(request);

    assertThat(harness.auditOnce("access.cancelled"))
        .extracting(e -> e.eventId() + " " + e.action())
        .containsExactly(
            REQUEST_ID + "#1 access.requested",
            REQUEST_ID + "#2 access.recovered",
            REQUEST_ID + "#3 access.cancelled");
  }

  @Test
  void aBreakGlassReviewKeepsItsDueTimeAfterTheGrantEnded() throws Exception {
    long grantedAt = now() - Duration.ofHours(22).toMillis();
    AccessSnapshot granted =
        active(input("write", 1, ONE_HOUR, true), grantedAt, List.of(), grantedAt);
    AccessSnapshot expired =
        new AccessSnapshot(
            granted.request(),
            AccessStatus.EXPIRED,
            List.of(),
            grantedAt,
            granted.grantRef(),
            grantedAt,
            granted.expiresAt(),
            granted.expiresAt(),
            AuditEntry.PAVED,
            "revoked at the end of its duration",
            granted.reviewDueAt(),
            false,
            null,
            null);

    AccessRequestWorkflow request = harness.resume(new AccessResume(expired, 4));
    harness.env.sleep(Duration.ofHours(2).plusMinutes(1));
    AccessSnapshot overdue = request.snapshot();
    AccessSnapshot acknowledged = request.acknowledge(new AccessAction(BOB, "was needed"));
    result(request);

    assertThat(overdue.reviewOverdue()).isTrue();
    assertThat(acknowledged.acknowledgedBy()).isEqualTo("bob");
    assertThat(acknowledged.status()).isEqualTo(AccessStatus.EXPIRED);
    verify(harness.grants, never()).grantAccess(any());
    verify(harness.grants, never()).revokeAccess(any());
    List<AuditEntry> audit = harness.auditOnce("access.review-acknowledged");
    assertThat(audit)
        .extracting(AuditEntry::action)
        .containsExactly("access.recovered", "access.review-overdue", "access.review-acknowledged");
    assertThat(audit.get(1).occurredAt())
        .isBetween(granted.reviewDueAt(), granted.reviewDueAt() + MINUTE);
  }
}
