package dev.paved.api.scorecards;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Approved, unexpired waivers of one rule for one entity; evaluation reads them. */
public interface Waivers {

  /** An approved waiver in force at {@code at}, if any. */
  Optional<Waiver> active(String scorecardId, String ruleId, String entityRef, Instant at);

  /**
   * Every approved waiver of the scorecard in force at {@code at}, by rule and entity (the newest
   * expiry where several overlap): one read for a whole evaluation.
   */
  Map<Waived, Waiver> allActive(String scorecardId, Instant at);

  /** What a waiver waives: one rule for one entity. */
  record Waived(String ruleId, String entityRef) {}

  /** A waiver as evaluation shows it on a rule's result. */
  record Waiver(
      String id, String reason, Instant expiresAt, String requestedBy, String approvedBy) {}
}
