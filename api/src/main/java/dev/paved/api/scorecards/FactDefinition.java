package dev.paved.api.scorecards;

/**
 * A fact a collector provides: its name as rules write it ({@code coverage_line_percent}), its
 * type, and what it means (shown on the scorecards page).
 */
public record FactDefinition(String name, FactType type, String description) {}
