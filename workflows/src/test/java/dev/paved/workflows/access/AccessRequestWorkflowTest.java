package dev.paved.workflows.access;

import static dev.paved.workflows.access.AccessHarness.ALICE;
import static dev.paved.workflows.access.AccessHarness.BOB;
import static dev.paved.workflows.access.AccessHarness.CAROL;
import static dev.paved.workflows.access.AccessHarness.PAT;
import static dev.paved.workflows.access.AccessHarness.SAM;
import static dev.paved.workflows.access.AccessHarness.input;
import static dev.paved.workflows.access.AccessHarness.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.paved.workflows.approval.Caller;
import dev.paved.workflows.approval.DecisionRequest;
import dev.paved.workflows.approval.Refusals;
import dev.paved.workflows.audit.AuditEntry;
import io.temporal.api.enums.v1.EventType;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Approvals, the grant, and its end on a durable timer, in skipped time. */
@Timeout(value = 60, unit = TimeUnit.SECONDS) // a guard against a hung workflow, not an assertion
class AccessRequestWorkflowTest {

  private static final Duration ONE_HOUR = Duration.ofHours(1);

  @RegisterExtension final AccessHarness harness = new AccessHarness();

  private static DecisionRequest approve(Caller caller) {
    return new DecisionRequest(caller, "approve", "ok");
  }

  @Test
  void adminAccessNeedsTwoDistinctApproversBeforeTheGrant() {
    AccessRequestWorkflow request = harness.start(input("admin", 2, ONE_HOUR, false));

    AccessSnapshot afterBob = request.decide(approve(BOB));
    assertThat(afterBob.status()).isEqualTo(AccessStatus.PENDING);
    assertThat(afterBob.approvals()).isEqualTo(1);
    verify(harness.grants, never()).grantAccess(any());

    AccessSnapshot afterSam = request.decide(approve(SAM));

    assertThat(afterSam.status()).isEqualTo(AccessStatus.ACTIVE);
    assertThat(afterSam.grantRef()).isEqualTo("local:" + AccessHarness.REQUEST_ID);
    assertThat(afterSam.expiresAt() - afterSam.grantedAt()).isEqualTo(ONE_HOUR.toMillis());
    verify(harness.grants, times(1))
        .grantAccess(
            new GrantRequest(
                AccessHarness.REQUEST_ID,
                "component:default/checkout",
                "production",
                "admin",
                "alice",
                ONE_HOUR));
    assertThat(harness.audit())
        .extracting(AuditEntry::action)
        .containsExactly(
            "access.requested", "access.approved", "access.approved", "access.granted");
  }

  @Test
  void aRejectionEndsTheRequestAndGrantsNothing() {
    AccessRequestWorkflow request = harness.start(input("write", 1, ONE_HOUR, false));

    AccessSnapshot answer = request.decide(new DecisionRequest(SAM, "reject", "not during freeze"));
    AccessSnapshot end = result(request);

    assertThat(answer.status()).isEqualTo(AccessStatus.REJECTED);
    assertThat(end.status()).isEqualTo(AccessStatus.REJECTED);
    assertThat(end.endedBy()).isEqualTo("sam");
    assertThat(end.decisions())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.comment()).isEqualTo("not during freeze");
              assertThat(d.approves()).isFalse();
            });
    verify(harness.grants, never()).grantAccess(any());
    AuditEntry rejected = harness.audit().get(1);
    assertThat(rejected.action()).isEqualTo("access.rejected");
    assertThat(rejected.actor()).isEqualTo("sam");
    assertThat(rejected.detail()).containsEntry("comment", "not during freeze");
  }

  @Test
  void aRequestNobodyDecidesExpiresAfterThePendingTimeout() {
    AccessRequestWorkflow request = harness.start(input("read", 1, ONE_HOUR, false));

    AccessSnapshot end = result(request);

    assertThat(end.status()).isEqualTo(AccessStatus.EXPIRED);
    assertThat(end.endReason()).isEqualTo("no decision within PT24H");
    assertThat(end.endedAt() - end.requestedAt())
        .isBetween(Duration.ofHours(24).toMillis(), Duration.ofHours(24).plusMinutes(1).toMillis());
    assertThat(end.grantedAt()).isNull();
    verify(harness.grants, never()).grantAccess(any());
  }

  @Test
  void theGrantIsRevokedAtTheEndOfItsDurationAndNotBefore() {
    AccessRequestWorkflow request = harness.start(input("write", 1, ONE_HOUR, false));
    AccessSnapshot active = request.decide(approve(BOB));

    harness.env.sleep(ONE_HOUR.minusMinutes(1));
    verify(harness.grants, never()).revokeAccess(any());
    AccessSnapshot end = result(request);

    assertThat(end.status()).isEqualTo(AccessStatus.EXPIRED);
    assertThat(end.endedBy()).isEqualTo(AuditEntry.PAVED);
    assertThat(harness.revokedAt)
        .singleElement()
        .satisfies(
            at -> {
              assertThat(at).isGreaterThanOrEqualTo(active.expiresAt());
              assertThat(at).isLessThan(active.expiresAt() + Duration.ofMinutes(1).toMillis());
            });
    verify(harness.grants)
        .revokeAccess(new GrantRevocation(GrantRequest.of(active.request()), active.grantRef()));
    assertThat(harness.audit()).extracting(AuditEntry::action).endsWith("access.expired");
  }

  @Test
  void theRequesterRevokesEarlyAndAnOutsiderMayNot() {
    AccessRequestWorkflow request = harness.start(input("write", 1, ONE_HOUR, false));
    assertThat(Refusals.refusal(() -> request.revoke(new AccessAction(ALICE, "too soon"))))
        .isEqualTo("Conflict");
    AccessSnapshot active = request.decide(approve(BOB));

    assertThat(Refusals.refusal(() -> request.revoke(new AccessAction(CAROL, "mine now"))))
        .isEqualTo("Forbidden");
    AccessSnapshot revoked = request.revoke(new AccessAction(ALICE, "done early"));

    assertThat(revoked.status()).isEqualTo(AccessStatus.REVOKED);
    assertThat(revoked.endedBy()).isEqualTo("alice");
    assertThat(revoked.endReason()).isEqualTo("done early");
    assertThat(harness.revokedAt)
        .singleElement()
        .satisfies(at -> assertThat(at).isLessThan(active.expiresAt()));
    assertThat(result(request).status()).isEqualTo(AccessStatus.REVOKED);
  }

  @Test
  void theRevokeHappensOnANewWorkerAfterEveryWorkerStopped() {
    AccessRequestWorkflow request = harness.start(input("read", 1, ONE_HOUR, false));
    AccessSnapshot active = request.decide(approve(SAM));
    GrantActivities firstWorkersGrants = harness.grants;

    harness.restartWorkers();
    AccessSnapshot end = result(request);

    assertThat(end.status()).isEqualTo(AccessStatus.EXPIRED);
    verify(firstWorkersGrants, never()).revokeAccess(any());
    verify(harness.grants).revokeAccess(any());
    assertThat(harness.revokedAt)
        .singleElement()
        .satisfies(at -> assertThat(at).isGreaterThanOrEqualTo(active.expiresAt()));
  }

  @Test
  void aGrantThatCannotBeMadeFailsTheRequestAndNothingIsRevoked() {
    when(harness.grants.grantAccess(any()))
        .thenThrow(
            ApplicationFailure.newNonRetryableFailure(
                "Vault: policy access-production-checkout-read does not exist", "InvalidInput"));
    AccessRequestWorkflow request = harness.start(input("read", 1, ONE_HOUR, false));

    AccessSnapshot answer = request.decide(approve(BOB));

    assertThat(answer.status()).isEqualTo(AccessStatus.FAILED);
    assertThat(answer.endReason()).contains("does not exist");
    assertThat(result(request).status()).isEqualTo(AccessStatus.FAILED);
    verify(harness.grants, never()).revokeAccess(any());
    assertThat(harness.audit()).extracting(AuditEntry::action).endsWith("access.grant-failed");
  }

  @Test
  void theRequesterWithdrawsAWaitingRequest() {
    AccessRequestWorkflow request = harness.start(input("read", 1, ONE_HOUR, false));

    assertThat(Refusals.refusal(() -> request.cancel(new AccessAction(BOB, "no"))))
        .isEqualTo("Forbidden");
    AccessSnapshot cancelled = request.cancel(new AccessAction(ALICE, "not needed"));

    assertThat(cancelled.status()).isEqualTo(AccessStatus.CANCELLED);
    assertThat(result(request).status()).isEqualTo(AccessStatus.CANCELLED);
    verify(harness.grants, never()).grantAccess(any());
  }

  @Test
  void anApprovedRequestCanNoLongerBeCancelledOrDecided() {
    AccessRequestWorkflow request = harness.start(input("read", 1, ONE_HOUR, false));
    request.decide(approve(BOB));

    assertThat(Refusals.message(() -> request.cancel(new AccessAction(ALICE, "oops"))))
        .contains("ACTIVE");
    assertThat(Refusals.refusal(() -> request.decide(approve(SAM)))).isEqualTo("Conflict");
    assertThat(Refusals.refusal(() -> request.cancel(new AccessAction(PAT, "x"))))
        .isEqualTo("Conflict");
  }

  @Test
  void theRequesterNeverDecidesAndANonApproverIsRefusedWithoutEnteringHistory() {
    AccessRequestWorkflow request = harness.start(input("admin", 2, ONE_HOUR, false));

    assertThat(Refusals.refusal(() -> request.decide(approve(ALICE)))).isEqualTo("Forbidden");
    assertThat(Refusals.message(() -> request.decide(approve(ALICE))))
        .isEqualTo("you cannot decide on your own request");
    assertThat(Refusals.refusal(() -> request.decide(approve(CAROL)))).isEqualTo("Forbidden");
    assertThat(Refusals.refusal(() -> request.decide(approve(PAT)))).isEqualTo("Forbidden");
    request.decide(approve(BOB));
    assertThat(Refusals.refusal(() -> request.decide(approve(BOB)))).isEqualTo("Conflict");
    assertThat(Refusals.refusal(() -> request.decide(new DecisionRequest(SAM, "maybe", "?"))))
        .isEqualTo("Invalid");

    assertThat(request.snapshot().approvals()).isEqualTo(1);
    assertThat(request.snapshot().status()).isEqualTo(AccessStatus.PENDING);
    // only bob's approval entered history: refusals leave no trace there
    assertThat(
            harness
                .client()
                .fetchHistory(AccessInput.workflowId(AccessHarness.REQUEST_ID))
                .getEvents()
                .stream()
                .filter(
                    e ->
                        e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED)
                .count())
        .isEqualTo(1);
  }

  @Test
  void auditEntriesAreRecordedInOrderWithStableIds() {
    AccessRequestWorkflow request = harness.start(input("write", 1, ONE_HOUR, false));
    request.decide(approve(BOB));
    request.revoke(new AccessAction(BOB, "incident over"));
    result(request);

    List<AuditEntry> audit = harness.audit();

    assertThat(audit)
        .extracting(AuditEntry::eventId)
        .containsExactly(
            AccessHarness.REQUEST_ID + "#1",
            AccessHarness.REQUEST_ID + "#2",
            AccessHarness.REQUEST_ID + "#3",
            AccessHarness.REQUEST_ID + "#4");
    assertThat(audit)
        .extracting(AuditEntry::action)
        .containsExactly("access.requested", "access.approved", "access.granted", "access.revoked");
    assertThat(audit)
        .allSatisfy(
            e -> assertThat(e.subject()).isEqualTo("access-request:" + AccessHarness.REQUEST_ID));
    List<AccessChange> changes = harness.recorded();
    assertThat(changes.get(changes.size() - 1).snapshot().status()).isEqualTo(AccessStatus.REVOKED);
  }
}
