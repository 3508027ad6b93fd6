package dev.paved.api.scorecards;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The fact store on Paved's database: a history row per change, the newest per entity and fact kept
 * apart. A change is announced ({@link FactsChanged}) after it is committed.
 */
@Repository
class JdbcFactStore implements FactStore {

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final ApplicationEventPublisher events;

  JdbcFactStore(
      JdbcClient jdbc, TransactionTemplate transactions, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.events = events;
  }

  @Override
  public List<String> record(String entityRef, String collector, List<Fact> facts) {
    String ref = entityRef.toLowerCase(Locale.ROOT);
    List<String> changed =
        transactions.execute(
            status -> {
              Map<String, Fact> before = latest(ref);
              List<String> names = new ArrayList<>();
              for (Fact fact : facts) {
                Fact old = before.get(fact.name());
                if (old != null && same(old, fact)) {
                  continue;
                }
                insert(ref, collector, fact, old != null);
                names.add(fact.name());
              }
              return names;
            });
    if (!changed.isEmpty()) {
      events.publishEvent(new FactsChanged(ref, List.copyOf(changed)));
    }
    return changed;
  }

  @Override
  public Map<String, Fact> latest(String entityRef) {
    Map<String, Fact> facts = new LinkedHashMap<>();
    jdbc.sql(
            "select f.name, f.value_type, f.value_text, f.source, f.detail, f.observed_at"
                + " from scorecard_facts_latest l join scorecard_facts f on f.id = l.fact_id"
                + " where l.entity_ref = ? order by f.name")
        .param(entityRef.toLowerCase(Locale.ROOT))
        .query(
            rs -> {
              facts.put(
                  rs.getString(1),
                  new Fact(
                      rs.getString(1),
                      FactValues.read(rs.getString(2), rs.getString(3)),
                      rs.getString(4),
                      rs.getString(5),
                      rs.getTimestamp(6).toInstant()));
            });
    return facts;
  }

  /** The latest facts of many entities at once (ref to name to fact), for a whole evaluation. */
  Map<String, Map<String, Fact>> latestOfAll() {
    Map<String, Map<String, Fact>> all = new HashMap<>();
    jdbc.sql(
            "select l.entity_ref, f.name, f.value_type, f.value_text, f.source, f.detail,"
                + " f.observed_at from scorecard_facts_latest l"
                + " join scorecard_facts f on f.id = l.fact_id")
        .query(
            rs -> {
              all.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                  .put(
                      rs.getString(2),
                      new Fact(
                          rs.getString(2),
                          FactValues.read(rs.getString(3), rs.getString(4)),
                          rs.getString(5),
                          rs.getString(6),
                          rs.getTimestamp(7).toInstant()));
            });
    return all;
  }

  /** The facts' history for one entity, newest first (at most {@code limit} rows). */
  List<Fact> history(String entityRef, String name, int limit) {
    return jdbc.sql(
            "select name, value_type, value_text, source, detail, observed_at from scorecard_facts"
                + " where entity_ref = ? and name = ? order by id desc limit ?")
        .params(entityRef.toLowerCase(Locale.ROOT), name, limit)
        .query(
            (rs, row) ->
                new Fact(
                    rs.getString(1),
                    FactValues.read(rs.getString(2), rs.getString(3)),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getTimestamp(6).toInstant()))
        .list();
  }

  private void insert(String ref, String collector, Fact fact, boolean known) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    Instant at = fact.observedAt() == null ? Instant.now() : fact.observedAt();
    jdbc.sql(
            "insert into scorecard_facts (entity_ref, name, collector, value_type, value_text,"
                + " source, detail, observed_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            ref,
            fact.name(),
            collector,
            FactValues.type(fact.value()),
            FactValues.text(fact.value()),
            clip(fact.source(), 1000),
            clip(fact.detail(), 2000),
            Timestamp.from(at))
        .update(key, "id");
    long id = key.getKey().longValue();
    int updated =
        known
            ? jdbc.sql(
                    "update scorecard_facts_latest set fact_id = ? where entity_ref = ? and name = ?")
                .params(id, ref, fact.name())
                .update()
            : 0;
    if (updated == 0) {
      jdbc.sql("insert into scorecard_facts_latest (entity_ref, name, fact_id) values (?, ?, ?)")
          .params(ref, fact.name(), id)
          .update();
    }
  }

  /** Same value, source and detail: the time alone is no change. */
  private static boolean same(Fact old, Fact now) {
    return Objects.equals(FactValues.type(old.value()), FactValues.type(now.value()))
        && Objects.equals(FactValues.text(old.value()), FactValues.text(now.value()))
        && Objects.equals(old.source(), clip(now.source(), 1000))
        && Objects.equals(old.detail(), clip(now.detail(), 2000));
  }

  private static String clip(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
