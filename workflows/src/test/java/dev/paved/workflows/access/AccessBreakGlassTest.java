package dev.paved.workflows.access;

import static dev.paved.workflows.access.AccessHarness.ALICE;
import static dev.paved.workflows.access.AccessHarness.BOB;
import static dev.paved.workflows.access.AccessHarness.CAROL;
import static dev.paved.workflows.access.AccessHarness.SAM;
import static dev.paved.workflows.access.AccessHarness.input;
import static dev.paved.workflows.access.AccessHarness.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paved.workflows.approval.DecisionRequest;
import dev.paved.workflows.approval.Refusals;
import dev.paved.workflows.audit.AuditEntry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Break-glass: granted at once, approvers notified, and a review the owning team must make. */
@Timeout(value = 60, unit = TimeUnit.SECONDS) // a guard against a hung workflow, not an assertion
class AccessBreakGlassTest {

  private static final Duration ONE_HOUR = Duration.ofHours(1);

  @RegisterExtension final AccessHarness harness = new AccessHarness();

  /** Waits (a bound, not an assertion) until the grant is made; it needs no decision. */
  private static AccessSnapshot awaitActive(AccessRequestWorkflow request) {
    return await("the grant")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .until(request::snapshot, snapshot -> snapshot.status() != AccessStatus.PENDING);
  }

  @Test
  void theGrantedUpdateAnswersOnceTheGrantIsMadeAndRecorded() {
    AccessRequestWorkflow request = harness.start(input("write", 1, ONE_HOUR, true));

    AccessSnapshot granted = request.granted();

    assertThat(granted.status()).isEqualTo(AccessStatus.ACTIVE);
    // recorded before the answer: Paved's record shows the grant as soon as the update answers
    assertThat(harness.audit()).anySatisfy(e -> assertThat(e.action()).isEqualTo("access.granted"));
  }

  @Test
  void onlyABreakGlassRequestCanBeAwaitedForItsGrant() {
    AccessRequestWorkflow request = harness.start(input("write", 1, ONE_HOUR, false));

    assertThat(Refusals.refusal(request::granted)).isEqualTo("Conflict");
  }

  @Test
  void grantsAtOnceNotifiesTheApproversAndFlagsAMissedReview() throws Exception {
    AccessRequestWorkflow request = harness.start(input("write", 1, ONE_HOUR, true));

    AccessSnapshot active = awaitActive(request);

    assertThat(active.status()).isEqualTo(AccessStatus.ACTIVE);
    assertThat(active.decisions()).isEmpty();
    assertThat(active.reviewDueAt() - active.grantedAt())
        .isEqualTo(Duration.ofHours(24).toMillis());
    assertThat(harness.auditOnce("access.break-glass"))
        .filteredOn(e -> e.action().equals("access.break-glass"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.actor()).isEqualTo("sam");
              assertThat(e.detail()).containsEntry("notified", "team-payments,sre");
            });
    assertThat(Refusals.refusal(() -> request.acknowledge(new AccessAction(SAM, "fine"))))
        .isEqualTo("Forbidden");
    assertThat(Refusals.refusal(() -> request.acknowledge(new AccessAction(CAROL, "ok"))))
        .isEqualTo("Forbidden");
    assertThat(Refusals.refusal(() -> request.decide(new DecisionRequest(BOB, "approve", ""))))
        .isEqualTo("Conflict");

    harness.env.sleep(Duration.ofHours(25));
    AccessSnapshot overdue = request.snapshot();
    assertThat(overdue.status()).isEqualTo(AccessStatus.EXPIRED);
    assertThat(overdue.reviewOverdue()).isTrue();
    assertThat(harness.revokedAt).hasSize(1);

    AccessSnapshot acknowledged = request.acknowledge(new AccessAction(BOB, "seen, was needed"));
    AccessSnapshot end = result(request);

    assertThat(acknowledged.acknowledgedBy()).isEqualTo("bob");
    assertThat(end.acknowledgedBy()).isEqualTo("bob");
    assertThat(end.reviewOverdue()).isTrue();
    assertThat(harness.audit())
        .extracting(AuditEntry::action)
        .containsExactly(
            "access.requested",
            "access.break-glass",
            "access.granted",
            "access.expired",
            "access.review-overdue",
            "access.review-acknowledged");
  }

  @Test
  void aReviewInTimeIsNeverOverdueAndOnlyBreakGlassIsReviewed() throws Exception {
    AccessRequestWorkflow request = harness.start(input("read", 1, ONE_HOUR, true));
    awaitActive(request);

    request.acknowledge(new AccessAction(BOB, "ok"));
    assertThat(Refusals.refusal(() -> request.acknowledge(new AccessAction(ALICE, "ok"))))
        .isEqualTo("Conflict");
    AccessSnapshot end = result(request);

    assertThat(end.status()).isEqualTo(AccessStatus.EXPIRED);
    assertThat(end.reviewOverdue()).isFalse();
    assertThat(end.endedAt() - end.grantedAt()).isLessThan(Duration.ofHours(2).toMillis());
  }

  @Test
  void aNormalRequestHasNothingToAcknowledge() {
    AccessRequestWorkflow request = harness.start(input("read", 1, ONE_HOUR, false));

    assertThat(Refusals.refusal(() -> request.acknowledge(new AccessAction(BOB, "ok"))))
        .isEqualTo("Conflict");
  }
}
