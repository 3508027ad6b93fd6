package dev.paved.api.scorecards;

import java.util.List;

/**
 * A scorecard file that did not load, and why: each problem starts with {@code <file>:<line>}.
 *
 * @param id the scorecard's id when it could be read, else null
 */
public record RefusedScorecard(String file, String id, List<String> problems) {}
