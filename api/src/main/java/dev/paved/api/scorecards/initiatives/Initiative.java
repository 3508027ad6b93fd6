package dev.paved.api.scorecards.initiatives;

import java.time.Instant;
import java.util.List;

/**
 * An initiative as stored.
 *
 * @param level the level to hold, or null when the target is {@code rules}
 * @param rules the rules to pass, empty when the target is a level
 */
record Initiative(
    String id,
    String scorecardId,
    String title,
    String level,
    List<String> rules,
    List<String> filter,
    Instant deadline,
    String createdBy,
    Instant createdAt,
    Instant remindedAt,
    Instant deadlineNotifiedAt) {

  /** The audit subject of an initiative. */
  String subject() {
    return "scorecard-initiative:" + id;
  }

  /** The target in a few words, for notifications. */
  String targetText() {
    return level != null ? "level " + level : "rules " + String.join(", ", rules);
  }
}
