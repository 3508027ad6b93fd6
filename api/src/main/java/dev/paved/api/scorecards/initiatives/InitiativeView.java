package dev.paved.api.scorecards.initiatives;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An initiative as the API answers it: what it asks, and how far the entities are.
 *
 * @param total the entities it is for, now
 * @param meeting of them, those meeting the target now
 * @param progress one point per day since it was created, today's computed now
 */
public record InitiativeView(
    String id,
    String scorecard,
    String title,
    Target target,
    List<String> filter,
    Instant deadline,
    String createdBy,
    Instant createdAt,
    int total,
    int meeting,
    List<Point> progress) {

  /** A level, or a set of rule ids (the other null). */
  public record Target(String level, List<String> rules) {}

  /** The entities meeting the target out of all of them, on a day (UTC). */
  public record Point(LocalDate date, int meeting, int total) {}
}
