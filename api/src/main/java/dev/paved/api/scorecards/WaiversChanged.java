package dev.paved.api.scorecards;

/**
 * Published after a waiver of the entity was approved, rejected or expired; evaluation grades the
 * entity again, so its level shows the waiver at once rather than at the next schedule.
 */
public record WaiversChanged(String scorecardId, String entityRef) {}
