package dev.paved.api.scorecards;

import dev.paved.api.Cursor;
import dev.paved.api.scorecards.ScorecardViews.RuleSummary;
import dev.paved.api.scorecards.ScorecardViews.Summary;
import dev.paved.api.scorecards.ScorecardViews.SummaryItem;
import dev.paved.api.scorecards.ScorecardViews.Trend;
import dev.paved.api.scorecards.ScorecardViews.TrendPoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Summaries, trends and the auditors' CSV of a scorecard, from the kept evaluations. */
@Component
class ScoreReports {

  private final ScoreReads reads;

  ScoreReports(ScoreReads reads) {
    this.reads = reads;
  }

  /** {@code owner}: a full group ref, {@code ''} for entities without one, null for all. */
  Summary summary(Scorecard scorecard, String owner, int limit, String cursor) {
    Cursor after = Cursor.decode(cursor);
    ScoreReads.Counts counted = reads.counts(scorecard.id(), owner);
    Map<String, Integer> found = counted.levels();
    Map<String, Integer> levels = new LinkedHashMap<>();
    highestFirst(scorecard).forEach(l -> levels.put(l, found.getOrDefault(l, 0)));
    levels.put("none", found.getOrDefault("none", 0));
    int entities = found.values().stream().mapToInt(Integer::intValue).sum();
    Map<String, ScoreReads.RuleCounts> counts =
        counted.rules().stream()
            .collect(Collectors.toMap(ScoreReads.RuleCounts::ruleId, Function.identity()));
    List<RuleSummary> rules = new ArrayList<>();
    for (Scorecard.Rule rule : scorecard.rules()) {
      ScoreReads.RuleCounts c =
          counts.getOrDefault(rule.id(), new ScoreReads.RuleCounts(rule.id(), 0, 0, 0, 0));
      rules.add(
          new RuleSummary(
              rule.id(),
              rule.title(),
              rule.level(),
              c.pass(),
              c.fail(),
              c.unknown(),
              c.waived(),
              rate(c)));
    }
    List<ScoreReads.Graded> page =
        reads.page(scorecard.id(), owner, after == null ? null : after.key(), limit + 1);
    boolean more = page.size() > limit;
    page = more ? page.subList(0, limit) : page;
    Map<String, Map<String, String>> results =
        reads.resultsOf(scorecard.id(), page.stream().map(ScoreReads.Graded::entityRef).toList());
    List<SummaryItem> items =
        page.stream()
            .map(
                g ->
                    new SummaryItem(
                        g.entityRef(), g.title(), g.owner(), g.level(), results.get(g.entityRef())))
            .toList();
    String next =
        more ? new Cursor(Instant.EPOCH, page.get(page.size() - 1).entityRef()).encode() : null;
    return new Summary(
        scorecard.id(), reads.lastEvaluated(scorecard.id()), entities, levels, rules, items, next);
  }

  /** One point per day with a rollup, the last {@code days} days (today included). */
  Trend trend(Scorecard scorecard, String owner, int days, Instant now) {
    LocalDate from = now.atZone(ZoneOffset.UTC).toLocalDate().minusDays(days - 1L);
    Map<LocalDate, Map<String, Integer>> levels = reads.dailyLevels(scorecard.id(), owner, from);
    Map<LocalDate, List<ScoreReads.RuleCounts>> rules =
        reads.dailyRules(scorecard.id(), owner, from);
    List<TrendPoint> points = new ArrayList<>();
    levels.forEach(
        (day, counts) -> {
          Map<String, Integer> ordered = new LinkedHashMap<>();
          highestFirst(scorecard).forEach(l -> ordered.put(l, counts.getOrDefault(l, 0)));
          ordered.put("none", counts.getOrDefault("none", 0));
          Map<String, Double> byRule = new LinkedHashMap<>();
          int pass = 0;
          int decided = 0;
          for (ScoreReads.RuleCounts c : rules.getOrDefault(day, List.of())) {
            if (scorecard.rule(c.ruleId()).isPresent()) {
              byRule.put(c.ruleId(), rate(c));
              pass += c.pass() + c.waived();
              decided += c.pass() + c.waived() + c.fail();
            }
          }
          points.add(
              new TrendPoint(
                  day,
                  counts.values().stream().mapToInt(Integer::intValue).sum(),
                  ordered,
                  decided == 0 ? 0 : Math.round(pass * 1000.0 / decided) / 10.0,
                  byRule));
        });
    return new Trend(scorecard.id(), days, points);
  }

  /** Every entity's latest result per rule, as CSV (RFC 4180). */
  void csv(Scorecard scorecard, String owner, Writer out) {
    try {
      out.write(
          "scorecard,entity,owner,level,evaluated_at,rule,rule_level,result,since,reason,"
              + "waiver,waiver_reason,waiver_expires_at,waiver_approved_by,facts\r\n");
      reads.eachResult(
          scorecard.id(),
          owner,
          row -> {
            Scorecard.Rule rule = scorecard.rule((String) row[4]).orElse(null);
            Waivers.Waiver waiver = (Waivers.Waiver) row[7];
            List<Object> cells =
                List.of(
                    scorecard.id(),
                    row[0],
                    nullable(row[1]),
                    nullable(row[2]),
                    row[3],
                    row[4],
                    rule == null ? "" : rule.level(),
                    row[5],
                    row[8],
                    nullable(row[6]),
                    waiver == null ? "" : nullable(waiver.id()),
                    waiver == null ? "" : nullable(waiver.reason()),
                    waiver == null ? "" : nullable(waiver.expiresAt()),
                    waiver == null ? "" : nullable(waiver.approvedBy()),
                    row[9]);
            try {
              out.write(cells.stream().map(ScoreReports::cell).collect(Collectors.joining(",")));
              out.write("\r\n");
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> highestFirst(Scorecard scorecard) {
    List<String> levels = new ArrayList<>(scorecard.levels());
    java.util.Collections.reverse(levels);
    return levels;
  }

  /** Passed or waived over those decided (unknown left out); 0 when none is decided. */
  static double rate(ScoreReads.RuleCounts c) {
    int decided = c.pass() + c.waived() + c.fail();
    return decided == 0 ? 0 : Math.round((c.pass() + c.waived()) * 1000.0 / decided) / 10.0;
  }

  private static Object nullable(Object value) {
    return value == null ? "" : value;
  }

  /** A CSV cell: quoted when needed; a leading formula character neutralised for spreadsheets. */
  static String cell(Object value) {
    String text = String.valueOf(value);
    if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}
