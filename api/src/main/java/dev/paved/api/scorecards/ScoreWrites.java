package dev.paved.api.scorecards;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps evaluations: the entity's latest level and evaluation time, each rule's latest outcome, a
 * change row when an outcome changes, and (after a whole scorecard) today's rollup. docs/
 * scorecards.md ("What is kept") says why.
 */
@Repository
class ScoreWrites {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;

  ScoreWrites(JdbcTemplate jdbc, TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  private record Kept(String result, String reason, String facts, String waiver) {}

  /**
   * Keeps the evaluations of {@code scorecard}; when {@code whole}, they are all its entities now:
   * the others are forgotten and today's rollup is written.
   */
  void save(Scorecard scorecard, List<EntityEvaluation> evaluations, boolean whole, Instant now) {
    transactions.executeWithoutResult(status -> write(scorecard, evaluations, whole, now));
  }

  private void write(
      Scorecard scorecard, List<EntityEvaluation> evaluations, boolean whole, Instant now) {
    String id = scorecard.id();
    Map<String, Kept> kept = new HashMap<>();
    Set<String> entities = new HashSet<>();
    String onlyEntity = !whole && evaluations.size() == 1 ? evaluations.get(0).entityRef() : null;
    String where = "scorecard_id = ?" + (onlyEntity == null ? "" : " and entity_ref = ?");
    Object[] args = onlyEntity == null ? new Object[] {id} : new Object[] {id, onlyEntity};
    jdbc.query(
        "select entity_ref, rule_id, result, reason, facts, waiver from scorecard_results where "
            + where,
        rs -> {
          kept.put(
              rs.getString(1) + "\u0000" + rs.getString(2),
              new Kept(rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
        },
        args);
    jdbc.query(
        "select entity_ref from scorecard_entities where " + where,
        rs -> {
          entities.add(rs.getString(1));
        },
        args);
    Timestamp at = Timestamp.from(now);
    List<Object[]> entityUpdates = new ArrayList<>();
    List<Object[]> entityInserts = new ArrayList<>();
    List<Object[]> resultUpdates = new ArrayList<>();
    List<Object[]> resultInserts = new ArrayList<>();
    List<Object[]> changes = new ArrayList<>();
    Set<String> evaluated = new HashSet<>();
    for (EntityEvaluation e : evaluations) {
      evaluated.add(e.entityRef());
      String owner = e.owner() == null ? null : e.owner().toLowerCase(Locale.ROOT);
      Object[] row = {owner, clip(e.title()), e.level(), e.score(), at, id, e.entityRef()};
      (entities.contains(e.entityRef()) ? entityUpdates : entityInserts).add(row);
      for (RuleOutcome o : e.outcomes()) {
        String facts = ScoreJson.facts(o.facts());
        String waiver = ScoreJson.waiver(o.waiver());
        String reason = clip(o.reason());
        Kept before = kept.get(e.entityRef() + "\u0000" + o.ruleId());
        Kept fresh = new Kept(o.result(), reason, facts, waiver);
        if (fresh.equals(before)) {
          continue;
        }
        Object[] result = {o.result(), reason, facts, waiver, at, id, e.entityRef(), o.ruleId()};
        (before == null ? resultInserts : resultUpdates).add(result);
        if (before == null
            || !Objects.equals(before.result(), o.result())
            || !Objects.equals(before.facts(), facts)
            || !Objects.equals(before.waiver(), waiver)) {
          changes.add(result);
        }
      }
    }
    batch(
        "update scorecard_entities set owner = ?, title = ?, level = ?, score = ?,"
            + " evaluated_at = ? where scorecard_id = ? and entity_ref = ?",
        entityUpdates);
    batch(
        "insert into scorecard_entities (owner, title, level, score, evaluated_at, scorecard_id,"
            + " entity_ref) values (?, ?, ?, ?, ?, ?, ?)",
        entityInserts);
    batch(
        "update scorecard_results set result = ?, reason = ?, facts = ?, waiver = ?, since = ?"
            + " where scorecard_id = ? and entity_ref = ? and rule_id = ?",
        resultUpdates);
    batch(
        "insert into scorecard_results (result, reason, facts, waiver, since, scorecard_id,"
            + " entity_ref, rule_id) values (?, ?, ?, ?, ?, ?, ?, ?)",
        resultInserts);
    batch(
        "insert into scorecard_result_changes (result, reason, facts, waiver, changed_at,"
            + " scorecard_id, entity_ref, rule_id) values (?, ?, ?, ?, ?, ?, ?, ?)",
        changes);
    if (jdbc.update(
            "update scorecard_versions set version = version + 1 where scorecard_id = ?", id)
        == 0) {
      jdbc.update("insert into scorecard_versions (scorecard_id, version) values (?, 1)", id);
    }
    List<String> ruleIds = scorecard.rules().stream().map(Scorecard.Rule::id).toList();
    List<Object[]> goneRules = new ArrayList<>();
    kept.keySet().stream()
        .map(k -> k.split("\u0000", 2))
        .filter(k -> evaluated.contains(k[0]) && !ruleIds.contains(k[1]))
        .forEach(k -> goneRules.add(new Object[] {id, k[0], k[1]}));
    batch(
        "delete from scorecard_results where scorecard_id = ? and entity_ref = ? and rule_id = ?",
        goneRules);
    if (whole) {
      List<Object[]> gone =
          entities.stream()
              .filter(ref -> !evaluated.contains(ref))
              .map(ref -> new Object[] {id, ref})
              .toList();
      batch("delete from scorecard_results where scorecard_id = ? and entity_ref = ?", gone);
      batch("delete from scorecard_entities where scorecard_id = ? and entity_ref = ?", gone);
      rollup(id, now.atZone(ZoneOffset.UTC).toLocalDate(), evaluations);
    }
  }

  /**
   * Writes the day's rollup (per owner: entities per level, outcomes per rule) from a whole
   * evaluation, replacing an earlier one of that day. Counted here, not by a join in the database:
   * H2 planned that join as a scan per entity.
   */
  private void rollup(String scorecardId, LocalDate day, List<EntityEvaluation> evaluations) {
    Date date = Date.valueOf(day);
    Map<String, Map<String, Integer>> levels = new TreeMap<>();
    Map<String, Map<String, int[]>> rules = new TreeMap<>();
    for (EntityEvaluation e : evaluations) {
      String owner = e.owner() == null ? "" : e.owner().toLowerCase(Locale.ROOT);
      levels
          .computeIfAbsent(owner, o -> new TreeMap<>())
          .merge(e.level() == null ? "none" : e.level(), 1, Integer::sum);
      for (RuleOutcome o : e.outcomes()) {
        int[] counts =
            rules
                .computeIfAbsent(owner, k -> new TreeMap<>())
                .computeIfAbsent(o.ruleId(), k -> new int[4]);
        counts[
            List.of(RuleOutcome.PASS, RuleOutcome.FAIL, RuleOutcome.UNKNOWN, RuleOutcome.WAIVED)
                .indexOf(o.result())]++;
      }
    }
    List<Object[]> levelRows = new ArrayList<>();
    levels.forEach(
        (owner, counts) ->
            counts.forEach(
                (level, n) -> levelRows.add(new Object[] {scorecardId, date, owner, level, n})));
    List<Object[]> ruleRows = new ArrayList<>();
    rules.forEach(
        (owner, counts) ->
            counts.forEach(
                (rule, c) ->
                    ruleRows.add(
                        new Object[] {scorecardId, date, owner, rule, c[0], c[1], c[2], c[3]})));
    jdbc.update(
        "delete from scorecard_daily_levels where scorecard_id = ? and on_day = ?",
        scorecardId,
        date);
    jdbc.update(
        "delete from scorecard_daily_rules where scorecard_id = ? and on_day = ?",
        scorecardId,
        date);
    batch(
        "insert into scorecard_daily_levels (scorecard_id, on_day, owner, level, entities)"
            + " values (?, ?, ?, ?, ?)",
        levelRows);
    batch(
        "insert into scorecard_daily_rules (scorecard_id, on_day, owner, rule_id, passed, failed,"
            + " unknowns, waived) values (?, ?, ?, ?, ?, ?, ?, ?)",
        ruleRows);
  }

  private void batch(String sql, List<Object[]> rows) {
    if (!rows.isEmpty()) {
      jdbc.batchUpdate(sql, rows);
    }
  }

  private static String clip(String text) {
    return text == null || text.length() <= 2000 ? text : text.substring(0, 1997) + "...";
  }
}
