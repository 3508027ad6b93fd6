package dev.paved.api.runs;

import java.util.List;

/**
 * Which runs a list shows; a null (or empty) part does not narrow it.
 *
 * @param teams runs made for any of these teams (their service key starts with the team)
 */
record RunFilter(
    String status, String template, String requestedBy, List<String> teams, int limit) {

  RunFilter {
    teams = teams == null ? List.of() : List.copyOf(teams);
  }

  static RunFilter status(String status, int limit) {
    return new RunFilter(status, null, null, List.of(), limit);
  }
}
