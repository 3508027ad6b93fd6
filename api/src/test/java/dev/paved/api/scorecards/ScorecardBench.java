package dev.paved.api.scorecards;

import com.zaxxer.hikari.HikariDataSource;
import dev.paved.api.catalog.CatalogEntities;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The scorecards at scale (bench/scorecards.sh, bench/README.md): 10,000 services with the shipped
 * scorecard's facts, evaluated whole; the fleet summary and a 90-day trend read. Runs only with
 * {@code -Dpaved.bench=true}; writes its figures to {@code target/scorecards-bench.md}. In-process
 * (no HTTP, no sign-in), on the real database code: H2 in a file, or {@code -Dpaved.bench.db}.
 */
@EnabledIfSystemProperty(named = "paved.bench", matches = "true")
class ScorecardBench {

  private static final int ENTITIES = Integer.getInteger("paved.bench.entities", 10_000);
  private static final int TEAMS = 100;
  private final List<String> out = new ArrayList<>();

  @Test
  void measure() throws Exception {
    Path tmp = Files.createTempDirectory("scorecards-bench");
    String url =
        System.getProperty("paved.bench.db", "jdbc:h2:file:" + tmp.resolve("db/paved") + ";");
    try (HikariDataSource db = new HikariDataSource()) {
      db.setJdbcUrl(url);
      db.setUsername(url.startsWith("jdbc:h2") ? "sa" : "postgres");
      Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
      JdbcClient jdbc = JdbcClient.create(db);
      JdbcTemplate template = new JdbcTemplate(db);
      TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(db));
      JdbcFactStore facts = new JdbcFactStore(jdbc, tx, event -> {});
      ScorecardRegistry registry = TestCollectors.registry(Path.of("../scorecards"));
      Scorecard card = registry.find("production-readiness").orElseThrow();
      StaticListableBeanFactory beans = new StaticListableBeanFactory();
      ScoreEvaluator evaluator =
          new ScoreEvaluator(
              registry,
              new CatalogEntities(jdbc),
              facts,
              beans.getBeanProvider(Waivers.class),
              new ScoreWrites(template, tx),
              beans.getBeanProvider(java.time.Clock.class));
      ScoreReports reports = new ScoreReports(new ScoreReads(template));

      line("database: " + (url.startsWith("jdbc:h2") ? "H2 (file)" : "PostgreSQL"));
      line(
          "entities: "
              + ENTITIES
              + " services of "
              + TEAMS
              + " teams, rules: "
              + card.rules().size()
              + " (the shipped production-readiness)");
      long t = System.nanoTime();
      seedCatalog(template);
      line("catalog rows written: " + ms(t) + " ms");
      Random random = new Random(7);
      t = System.nanoTime();
      for (int i = 0; i < ENTITIES; i++) {
        facts.record(ref(i), "bench", factsOf(random, Instant.now()));
      }
      line("facts recorded (7 per entity, first time): " + ms(t) + " ms");

      t = System.nanoTime();
      int evaluated = evaluator.evaluate(card);
      line("first evaluation, " + evaluated + " entities (every result new): " + ms(t) + " ms");
      t = System.nanoTime();
      evaluator.evaluate(card);
      line("evaluation again, nothing changed: " + ms(t) + " ms");
      for (int i = 0; i < ENTITIES; i += 10) {
        facts.record(ref(i), "bench", factsOf(random, Instant.now()));
      }
      t = System.nanoTime();
      evaluator.evaluate(card);
      line("evaluation after a tenth of the entities' facts changed: " + ms(t) + " ms");
      line(
          "rows: results "
              + count(jdbc, "scorecard_results")
              + ", changes "
              + count(jdbc, "scorecard_result_changes")
              + ", entities "
              + count(jdbc, "scorecard_entities"));

      if (!url.startsWith("jdbc:h2")) {
        // as autovacuum does some time after a bulk write; before it, PostgreSQL plans with the
        // empty tables' estimates (bench/README.md, the catalog's first by-query)
        for (String table : List.of("scorecard_entities", "scorecard_results")) {
          template.execute("analyze " + table);
        }
        line("PostgreSQL: the scorecard tables analysed (as autovacuum would) before the reads");
      }
      String team = "group:default/team-7";
      timed(
          "fleet summary (levels, rules, first page of 100)",
          () -> reports.summary(card, null, 100, null));
      timed("one team's summary", () -> reports.summary(card, team, 100, null));
      afterWrites(
          facts,
          evaluator,
          card,
          random,
          () -> reports.summary(card, null, 100, null),
          "fleet summary, the first read after each of 20 one-entity writes");

      seedDays(template, card.id(), 89);
      line(
          "daily rollup rows for 90 days: levels "
              + count(jdbc, "scorecard_daily_levels")
              + ", rules "
              + count(jdbc, "scorecard_daily_rules"));
      Instant now = Instant.now();
      timed("90-day trend, fleet", () -> reports.trend(card, null, 90, now));
      timed("90-day trend, one team", () -> reports.trend(card, team, 90, now));
    }
    Path file = Path.of("target/scorecards-bench.md");
    Files.write(file, out);
  }

  /**
   * The read's first time after each of 20 writes (one entity's facts changed and graded again), in
   * a JVM the reads above have warmed: what a person opening the page after a change waits.
   */
  private void afterWrites(
      JdbcFactStore facts,
      ScoreEvaluator evaluator,
      Scorecard card,
      Random random,
      Supplier<Object> read,
      String what) {
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String ref = ref(random.nextInt(ENTITIES));
      facts.record(ref, "bench", factsOf(random, Instant.now()));
      evaluator.evaluate(card, ref);
      long started = System.nanoTime();
      read.get();
      times.add((System.nanoTime() - started) / 1e6);
    }
    Collections.sort(times);
    line(String.format("%s: p50 %.1f ms, p99 %.1f ms", what, times.get(9), times.get(19)));
  }

  private void timed(String what, Supplier<Object> read) {
    long first = System.nanoTime();
    read.get();
    double firstMs = (System.nanoTime() - first) / 1e6;
    for (int i = 0; i < 9; i++) {
      read.get();
    }
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      long t = System.nanoTime();
      read.get();
      times.add((System.nanoTime() - t) / 1e6);
    }
    Collections.sort(times);
    line(
        String.format(
            "%s: first %.1f ms; then p50 %.1f ms, p99 %.1f ms (50 reads after 10)",
            what, firstMs, times.get(24), times.get(49)));
  }

  private void seedCatalog(JdbcTemplate db) {
    Timestamp now = Timestamp.from(Instant.now());
    List<Object[]> entities = new ArrayList<>();
    List<Object[]> search = new ArrayList<>();
    for (int i = 0; i < ENTITIES; i++) {
      String name = "svc-" + i;
      String owner = "group:default/team-" + (i % TEAMS);
      String body =
          "{\"apiVersion\":\"backstage.io/v1alpha1\",\"kind\":\"Component\","
              + "\"metadata\":{\"name\":\""
              + name
              + "\",\"namespace\":\"default\"},"
              + "\"spec\":{\"type\":\"service\",\"lifecycle\":\"production\",\"owner\":\"team-"
              + (i % TEAMS)
              + "\"}}";
      entities.add(
          new Object[] {"component", "default", name, owner, body, now, now, ref(i), "uid-" + i});
      search.add(new Object[] {ref(i), "kind", "component", "Component"});
      search.add(new Object[] {ref(i), "spec.type", "service", "service"});
    }
    db.batchUpdate(
        "insert into catalog_entities (kind, namespace, name, owner, entity, created_at,"
            + " updated_at, entity_ref, uid) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        entities);
    db.batchUpdate(
        "insert into catalog_search (entity_ref, search_key, search_value,"
            + " original_value) values (?, ?, ?, ?)",
        search);
  }

  /** Copies today's rollup to the {@code days} days before: a scorecard evaluated for 90 days. */
  private static void seedDays(JdbcTemplate db, String id, int days) {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    for (int d = 1; d <= days; d++) {
      Date day = Date.valueOf(today.minusDays(d));
      db.update(
          "insert into scorecard_daily_levels (scorecard_id, on_day, owner, level, entities)"
              + " select scorecard_id, ?, owner, level, entities from scorecard_daily_levels"
              + " where scorecard_id = ? and on_day = ?",
          day,
          id,
          Date.valueOf(today));
      db.update(
          "insert into scorecard_daily_rules (scorecard_id, on_day, owner, rule_id, passed,"
              + " failed, unknowns, waived) select scorecard_id, ?, owner, rule_id, passed, failed,"
              + " unknowns, waived from scorecard_daily_rules where scorecard_id = ? and on_day = ?",
          day,
          id,
          Date.valueOf(today));
    }
  }

  private static List<Fact> factsOf(Random random, Instant now) {
    return List.of(
        Fact.known("readme_has_runbook", random.nextInt(10) > 0, "bench", null, now),
        Fact.known("oncall_annotated", random.nextInt(10) > 1, "bench", null, now),
        random.nextInt(10) == 0
            ? Fact.unknown("coverage_line_percent", "no coverage report", now)
            : Fact.known(
                "coverage_line_percent", 50 + random.nextInt(50) * 1.0, "bench", null, now),
        Fact.known("endpoints_without_slo", (long) random.nextInt(3), "bench", null, now),
        Fact.known("critical_cves", (long) random.nextInt(2), "bench", "image x:1", now),
        Fact.known("oncall_live", random.nextBoolean(), "bench", null, now),
        Fact.known(
            "last_deployed_at",
            now.minus(Duration.ofDays(random.nextInt(60))),
            "bench",
            null,
            now));
  }

  private static String ref(int i) {
    return "component:default/svc-" + i;
  }

  private static long count(JdbcClient jdbc, String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  private static long ms(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  private void line(String text) {
    out.add("- " + text);
  }
}
