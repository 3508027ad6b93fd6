package dev.paved.api.runs;

import dev.paved.api.Cursor;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which runs a list shows; a null (or empty) part does not narrow it.
 *
 * @param teams runs made for any of these teams (their service key starts with the team)
 * @param after only runs after this one in the list's order (newest first), for the next page
 */
record RunFilter(
    String status,
    String template,
    String requestedBy,
    List<String> teams,
    int limit,
    Cursor after) {

  RunFilter {
    teams = teams == null ? List.of() : List.copyOf(teams);
  }

  static RunFilter status(String status, int limit) {
    return new RunFilter(status, null, null, List.of(), limit, null);
  }

  /** The SQL {@code where} clause (or "") over {@code runs}, its values put in {@code params}. */
  String where(Map<String, Object> params) {
    List<String> where = new ArrayList<>();
    params.put("limit", limit);
    if (status != null) {
      where.add("status = :status");
      params.put("status", status);
    }
    if (template != null) {
      where.add("template = :template");
      params.put("template", template);
    }
    if (requestedBy != null) {
      where.add("requested_by = :requestedBy");
      params.put("requestedBy", requestedBy);
    }
    List<String> anyTeam = new ArrayList<>();
    for (int i = 0; i < teams.size(); i++) {
      // a prefix compared as a string: no LIKE, so no wildcard in a team's name matters
      String prefix = teams.get(i) + "/";
      anyTeam.add("left(service_key, :teamLength" + i + ") = :team" + i);
      params.put("teamLength" + i, prefix.length());
      params.put("team" + i, prefix);
    }
    if (!anyTeam.isEmpty()) {
      where.add("(" + String.join(" or ", anyTeam) + ")");
    }
    if (after != null) {
      where.add("(created_at < :afterAt or (created_at = :afterAt and id < :afterId))");
      params.put("afterAt", Timestamp.from(after.at()));
      params.put("afterId", after.key());
    }
    return where.isEmpty() ? "" : " where " + String.join(" and ", where);
  }

  /** Where a run stands in the list's order. */
  static Cursor positionOf(RunRecord run) {
    return new Cursor(run.createdAt(), run.id());
  }
}
