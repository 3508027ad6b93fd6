package dev.paved.api.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Facets: for each asked search key, its values as written and how many filtered entities have
 * each, exact. One statement counts all the asked keys, kept per catalog generation.
 *
 * <p>The filtered entities are one uncorrelated {@code entity_ref in (select ...)}: H2 computes
 * that set once and looks each facet row up in it by hash, reading the facet rows from the index on
 * (search_key, original_value, entity_ref) alone; PostgreSQL makes it a hashed semi-join. (A
 * correlated {@code exists} made H2 look up the entity of every facet row, about 10,000 probes per
 * key at 10,000 entities; bench/README.md.) The keys are an {@code in} list even when there is one:
 * with {@code search_key = ?} H2 2.4 drives the read from the filtered set through the index on
 * (entity_ref, search_key, search_value) instead, 30 times more rows.
 */
final class EntityFacets {

  private final JdbcClient jdbc;
  private final CatalogGeneration generation;

  EntityFacets(JdbcClient jdbc, CatalogGeneration generation) {
    this.jdbc = jdbc;
    this.generation = generation;
  }

  /** Each asked facet (as asked) to its {@code {value, count}} list, ordered by value. */
  Map<String, List<Map<String, Object>>> count(List<String> facets, List<String> filter) {
    Set<String> keys = new LinkedHashSet<>();
    facets.forEach(f -> keys.add(lower(f)));
    Map<String, List<Map<String, Object>>> byKey =
        generation.answer(
            "facets\u0000" + String.join("\u0001", keys) + "\u0000" + String.join("\u0001", filter),
            () -> compute(keys, filter));
    Map<String, List<Map<String, Object>>> answer = new LinkedHashMap<>();
    facets.forEach(f -> answer.put(f, byKey.get(lower(f))));
    return answer;
  }

  private Map<String, List<Map<String, Object>>> compute(Set<String> keys, List<String> filter) {
    Map<String, List<Map<String, Object>>> byKey = new LinkedHashMap<>();
    keys.forEach(k -> byKey.put(k, new ArrayList<>()));
    if (keys.isEmpty()) {
      return byKey;
    }
    List<Object> params = new ArrayList<>(keys);
    String where = EntityFilter.parse(filter).sql(params);
    jdbc.sql(
            "select s.search_key, s.original_value, count(distinct s.entity_ref)"
                + " from catalog_search s where s.search_key in ("
                + String.join(", ", keys.stream().map(k -> "?").toList())
                + ") and s.original_value is not null"
                + (filter.isEmpty()
                    ? ""
                    : " and s.entity_ref in (select e.entity_ref from catalog_entities e where "
                        + where
                        + ")")
                + " group by s.search_key, s.original_value"
                + " order by s.search_key, s.original_value")
        .params(params)
        .query(
            rs -> {
              byKey.get(rs.getString(1)).add(count(rs.getString(2), rs.getInt(3)));
            });
    byKey.replaceAll((k, v) -> List.copyOf(v));
    return Collections.unmodifiableMap(byKey);
  }

  /** {@code {value, count}} in Backstage's order (Map.of would give a random one). */
  private static Map<String, Object> count(String value, int count) {
    Map<String, Object> facet = new LinkedHashMap<>();
    facet.put("value", value);
    facet.put("count", count);
    return Collections.unmodifiableMap(facet);
  }

  private static String lower(String key) {
    return key.toLowerCase(Locale.ROOT);
  }
}
