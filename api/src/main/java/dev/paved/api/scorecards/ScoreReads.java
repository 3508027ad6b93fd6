package dev.paved.api.scorecards;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads the kept evaluations: per entity, per fleet or team, over days. */
@Repository
class ScoreReads {

  private final JdbcTemplate jdbc;

  ScoreReads(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** An entity's latest grade by one scorecard. */
  record Graded(
      String scorecardId,
      String entityRef,
      String owner,
      String title,
      String level,
      double score,
      Instant evaluatedAt) {}

  /** A rule's latest outcome, as kept. */
  record Kept(
      String entityRef,
      String ruleId,
      String result,
      String reason,
      String facts,
      String waiver,
      Instant since) {}

  /** Counts of a rule's outcomes. */
  record RuleCounts(String ruleId, int pass, int fail, int unknown, int waived) {}

  /** What a summary counts: entities per level, outcomes per rule, the newest evaluation. */
  record Counts(Map<String, Integer> levels, List<RuleCounts> rules, Instant evaluatedAt) {}

  private record Cached(long version, Counts counts) {}

  private final Map<String, Cached> counted = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * The counts for the scorecard's entities (of one owner, or all), computed again only when its
   * results were written since ({@code scorecard_versions}, so on every API instance).
   */
  Counts counts(String scorecardId, String owner) {
    long version =
        jdbc
            .query(
                "select version from scorecard_versions where scorecard_id = ?",
                (rs, row) -> rs.getLong(1),
                scorecardId)
            .stream()
            .findFirst()
            .orElse(0L);
    String key = scorecardId + "\u0000" + owner;
    Cached cached = counted.get(key);
    if (cached != null && cached.version() == version) {
      return cached.counts();
    }
    if (counted.size() > 1000) {
      counted.clear();
    }
    Counts counts =
        new Counts(
            levelCounts(scorecardId, owner),
            ruleCounts(scorecardId, owner),
            lastEvaluated(scorecardId));
    counted.put(key, new Cached(version, counts));
    return counts;
  }

  /** The entity's grades, one per scorecard that evaluated it. */
  List<Graded> grades(String entityRef) {
    return jdbc.query(
        "select scorecard_id, entity_ref, owner, title, level, score, evaluated_at"
            + " from scorecard_entities where entity_ref = ? order by scorecard_id",
        (rs, row) -> graded(rs),
        entityRef);
  }

  List<Kept> results(String scorecardId, String entityRef) {
    return jdbc.query(
        "select entity_ref, rule_id, result, reason, facts, waiver, since from scorecard_results"
            + " where scorecard_id = ? and entity_ref = ?",
        (rs, row) -> kept(rs),
        scorecardId,
        entityRef);
  }

  /** A page of entities, by ref after {@code after} (null: from the first); owner null for all. */
  List<Graded> page(String scorecardId, String owner, String after, int limit) {
    List<Object> args = new ArrayList<>(List.of(scorecardId));
    String where = "scorecard_id = ?" + ownerCondition(owner, args, "owner");
    if (after != null) {
      where += " and entity_ref > ?";
      args.add(after);
    }
    args.add(limit);
    return jdbc.query(
        "select scorecard_id, entity_ref, owner, title, level, score, evaluated_at"
            + " from scorecard_entities where "
            + where
            + " order by entity_ref limit ?",
        (rs, row) -> graded(rs),
        args.toArray());
  }

  /** Entity ref to rule id to result, for the given entities. */
  Map<String, Map<String, String>> resultsOf(String scorecardId, List<String> refs) {
    Map<String, Map<String, String>> results = new LinkedHashMap<>();
    refs.forEach(ref -> results.put(ref, new TreeMap<>()));
    for (int from = 0; from < refs.size(); from += 500) {
      List<String> chunk = refs.subList(from, Math.min(refs.size(), from + 500));
      List<Object> args = new ArrayList<>(List.of(scorecardId));
      args.addAll(chunk);
      jdbc.query(
          "select entity_ref, rule_id, result from scorecard_results where scorecard_id = ?"
              + " and entity_ref in ("
              + String.join(", ", chunk.stream().map(r -> "?").toList())
              + ")",
          rs -> {
            results.get(rs.getString(1)).put(rs.getString(2), rs.getString(3));
          },
          args.toArray());
    }
    return results;
  }

  /** Level (or {@code none}) to how many entities hold it; and the newest evaluation time. */
  Map<String, Integer> levelCounts(String scorecardId, String owner) {
    List<Object> args = new ArrayList<>(List.of(scorecardId));
    String where = "scorecard_id = ?" + ownerCondition(owner, args, "owner");
    Map<String, Integer> counts = new LinkedHashMap<>();
    jdbc.query(
        "select coalesce(level, 'none'), count(*) from scorecard_entities where "
            + where
            + " group by coalesce(level, 'none')",
        rs -> {
          counts.put(rs.getString(1), rs.getInt(2));
        },
        args.toArray());
    return counts;
  }

  Instant lastEvaluated(String scorecardId) {
    Timestamp at =
        jdbc.queryForObject(
            "select max(evaluated_at) from scorecard_entities where scorecard_id = ?",
            Timestamp.class,
            scorecardId);
    return at == null ? null : at.toInstant();
  }

  /**
   * Each rule's outcomes counted: grouped by the plain columns and summed here (H2 computed four
   * {@code sum(case ...)} per row three times slower).
   */
  List<RuleCounts> ruleCounts(String scorecardId, String owner) {
    List<Object> args = new ArrayList<>(List.of(scorecardId));
    String where = "scorecard_id = ?" + ofOwner(scorecardId, owner, args);
    Map<String, int[]> counts = new TreeMap<>();
    jdbc.query(
        "select rule_id, result, count(*) from scorecard_results where "
            + where
            + " group by rule_id, result",
        rs -> {
          int[] of = counts.computeIfAbsent(rs.getString(1), id -> new int[4]);
          int at =
              switch (rs.getString(2)) {
                case "pass" -> 0;
                case "fail" -> 1;
                case "unknown" -> 2;
                default -> 3;
              };
          of[at] += rs.getInt(3);
        },
        args.toArray());
    List<RuleCounts> rules = new ArrayList<>();
    counts.forEach((id, c) -> rules.add(new RuleCounts(id, c[0], c[1], c[2], c[3])));
    return rules;
  }

  /**
   * The results' entities limited to the owner's: a semi-join (H2 planned the plain join as a scan
   * per entity).
   */
  private static String ofOwner(String scorecardId, String owner, List<Object> args) {
    if (owner == null) {
      return "";
    }
    args.add(scorecardId);
    return " and entity_ref in (select entity_ref from scorecard_entities where scorecard_id = ?"
        + ownerCondition(owner, args, "owner")
        + ")";
  }

  /** Each day's level counts (day to level to entities) since {@code from}. */
  Map<LocalDate, Map<String, Integer>> dailyLevels(
      String scorecardId, String owner, LocalDate from) {
    List<Object> args = new ArrayList<>(List.of(scorecardId, Date.valueOf(from)));
    String where = "scorecard_id = ? and on_day >= ?" + ownerCondition(owner, args, "owner");
    Map<LocalDate, Map<String, Integer>> days = new TreeMap<>();
    jdbc.query(
        "select on_day, level, sum(entities) from scorecard_daily_levels where "
            + where
            + " group by on_day, level",
        rs -> {
          days.computeIfAbsent(rs.getDate(1).toLocalDate(), d -> new LinkedHashMap<>())
              .put(rs.getString(2), rs.getInt(3));
        },
        args.toArray());
    return days;
  }

  /** Each day's rule counts since {@code from}. */
  Map<LocalDate, List<RuleCounts>> dailyRules(String scorecardId, String owner, LocalDate from) {
    List<Object> args = new ArrayList<>(List.of(scorecardId, Date.valueOf(from)));
    String where = "scorecard_id = ? and on_day >= ?" + ownerCondition(owner, args, "owner");
    Map<LocalDate, List<RuleCounts>> days = new TreeMap<>();
    jdbc.query(
        "select on_day, rule_id, sum(passed), sum(failed), sum(unknowns), sum(waived)"
            + " from scorecard_daily_rules where "
            + where
            + " group by on_day, rule_id",
        rs -> {
          days.computeIfAbsent(rs.getDate(1).toLocalDate(), d -> new ArrayList<>())
              .add(
                  new RuleCounts(
                      rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6)));
        },
        args.toArray());
    return days;
  }

  /** Every entity's latest outcome per rule, by entity and rule, each with its entity's grade. */
  void eachResult(String scorecardId, String owner, Consumer<Object[]> row) {
    Map<String, Graded> entities = new java.util.HashMap<>();
    String after = null;
    List<Graded> page;
    do {
      page = page(scorecardId, owner, after, 5000);
      page.forEach(g -> entities.put(g.entityRef(), g));
      after = page.isEmpty() ? null : page.get(page.size() - 1).entityRef();
    } while (page.size() == 5000);
    List<Object> args = new ArrayList<>(List.of(scorecardId));
    String where = "scorecard_id = ?" + ofOwner(scorecardId, owner, args);
    jdbc.query(
        "select entity_ref, rule_id, result, reason, waiver, since, facts from scorecard_results"
            + " where "
            + where
            + " order by entity_ref, rule_id",
        rs -> {
          Graded g = entities.get(rs.getString(1));
          if (g == null) {
            return;
          }
          row.accept(
              new Object[] {
                g.entityRef(),
                g.owner(),
                g.level(),
                g.evaluatedAt(),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                ScoreJson.readWaiver(rs.getString(5)),
                rs.getTimestamp(6).toInstant(),
                rs.getString(7)
              });
        },
        args.toArray());
  }

  /** Owner null: no condition; {@code ''} matches entities without an owner. */
  private static String ownerCondition(String owner, List<Object> args, String column) {
    if (owner == null) {
      return "";
    }
    if (owner.isEmpty()) {
      return " and " + column + " is null";
    }
    args.add(owner);
    return " and " + column + " = ?";
  }

  private static Graded graded(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Graded(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getDouble(6),
        rs.getTimestamp(7).toInstant());
  }

  private static Kept kept(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Kept(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getTimestamp(7).toInstant());
  }
}
