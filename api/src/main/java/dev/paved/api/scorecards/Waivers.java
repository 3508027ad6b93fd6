package dev.paved.api.scorecards;

import java.time.Instant;
import java.util.Optional;

/** Approved, unexpired waivers of one rule for one entity; evaluation reads them. */
public interface Waivers {

  /** An approved waiver in force at {@code at}, if any. */
  Optional<Waiver> active(String scorecardId, String ruleId, String entityRef, Instant at);

  /** A waiver as evaluation shows it on a rule's result. */
  record Waiver(
      String id, String reason, Instant expiresAt, String requestedBy, String approvedBy) {}
}
