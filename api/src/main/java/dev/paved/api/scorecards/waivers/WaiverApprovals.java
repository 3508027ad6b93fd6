package dev.paved.api.scorecards.waivers;

import dev.paved.api.approvals.PendingApproval;
import dev.paved.api.approvals.PendingApprovals;
import dev.paved.api.identity.CurrentUser;
import java.util.List;
import org.springframework.stereotype.Component;

/** Waivers waiting for the user: pending, theirs to approve, not their own. */
@Component
class WaiverApprovals implements PendingApprovals {

  /** Pending waivers are few (undecided ones expire); this bounds the read regardless. */
  private static final int MAX_PENDING = 500;

  private final WaiverStore store;

  WaiverApprovals(WaiverStore store) {
    this.store = store;
  }

  @Override
  public List<PendingApproval> waitingFor(CurrentUser user) {
    return store.pending(MAX_PENDING).stream()
        .filter(w -> !w.requestedBy().equals(user.name()) && user.inAnyGroup(w.approvers()))
        .map(
            w ->
                new PendingApproval(
                    "scorecard-waiver",
                    w.id(),
                    "waive "
                        + w.rule()
                        + " of "
                        + w.scorecard()
                        + " for "
                        + w.entity()
                        + " until "
                        + w.expiresAt()
                        + ": "
                        + w.reason(),
                    w.requestedBy(),
                    w.requestedAt(),
                    "/api/v1/scorecards/waivers/" + w.id(),
                    "/scorecards/" + w.scorecard()))
        .toList();
  }
}
