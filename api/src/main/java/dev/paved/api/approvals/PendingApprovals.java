package dev.paved.api.approvals;

import dev.paved.api.identity.CurrentUser;
import java.util.List;

/**
 * A source of approvals waiting for someone: access requests, and golden-path runs at a {@code
 * paved:approval} step. Each source is a bean; {@code GET /approvals} asks them all.
 */
public interface PendingApprovals {

  /** What waits for {@code user}'s decision: never their own requests, nor what they decided. */
  List<PendingApproval> waitingFor(CurrentUser user);
}
