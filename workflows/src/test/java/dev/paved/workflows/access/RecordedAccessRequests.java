package dev.paved.workflows.access;

import static dev.paved.workflows.access.AccessHarness.ALICE;
import static dev.paved.workflows.access.AccessHarness.BOB;
import static dev.paved.workflows.access.AccessHarness.SAM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.workflows.approval.Decision;
import dev.paved.workflows.approval.DecisionRequest;
import java.time.Duration;
import java.util.List;

/**
 * The representative access requests whose histories are kept under {@code
 * src/test/resources/histories}: an admin request approved by two and revoked early, a break-glass
 * access that expires, is reviewed late and then acknowledged, and a granted request started again
 * from Paved's record (local mode's recovery) that expires at its original end.
 */
final class RecordedAccessRequests {

  static final String REVOKED = "access-revoked";
  static final String BREAK_GLASS = "access-break-glass";
  static final String RECOVERED = "access-recovered";
  static final List<String> NAMES = List.of(REVOKED, BREAK_GLASS, RECOVERED);

  private RecordedAccessRequests() {}

  /** Runs the named request in a fresh test environment and returns its history as JSON. */
  static String record(String name) {
    try (AccessHarness harness = new AccessHarness()) {
      Duration hour = Duration.ofHours(1);
      AccessRequestWorkflow request;
      AccessStatus expected;
      switch (name) {
        case REVOKED -> {
          request = harness.start(AccessHarness.input("admin", 2, hour, false));
          request.decide(new DecisionRequest(BOB, "approve", "ok"));
          request.decide(new DecisionRequest(SAM, "approve", "ok"));
          request.revoke(new AccessAction(ALICE, "done"));
          expected = AccessStatus.REVOKED;
        }
        case BREAK_GLASS -> {
          request = harness.start(AccessHarness.input("write", 1, hour, true));
          harness.env.sleep(Duration.ofHours(25));
          request.acknowledge(new AccessAction(BOB, "was needed"));
          expected = AccessStatus.EXPIRED;
        }
        case RECOVERED -> {
          long grantedAt = harness.env.currentTimeMillis() - Duration.ofMinutes(30).toMillis();
          AccessSnapshot stored =
              AccessHarness.active(
                  AccessHarness.input("write", 1, hour, false),
                  grantedAt - 60_000,
                  List.of(new Decision("bob", "approve", "ok", grantedAt)),
                  grantedAt);
          request = harness.resume(new AccessResume(stored, 3));
          expected = AccessStatus.EXPIRED;
        }
        default -> throw new IllegalArgumentException("no recorded request named " + name);
      }
      assertThat(AccessHarness.result(request).status()).as(name).isEqualTo(expected);
      return harness
          .client()
          .fetchHistory(AccessInput.workflowId(AccessHarness.REQUEST_ID))
          .toJson(true);
    }
  }
}
