package dev.paved.api.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Facets: for each asked search key, its values as written and how many filtered entities have
 * each, exact; kept per catalog generation, per key and filter.
 *
 * <p>The filtered entities are one uncorrelated {@code entity_ref in (select ...)}: H2 computes
 * that set once per statement and looks each facet row up in it by hash, reading the facet rows
 * from the index on (search_key, original_value, entity_ref) alone; PostgreSQL makes it a hashed
 * semi-join. (A correlated {@code exists} made H2 look up the entity of every facet row, fetching
 * its original_value from the table: about 10,000 look-ups of each kind per key at 10,000 entities;
 * bench/README.md.) The key is written {@code in (?)}: with {@code search_key = ?} H2 2.4 drives
 * the read from the filtered set through the index on (entity_ref, search_key, search_value)
 * instead, 30 times more rows. One statement per key: with all keys in one list PostgreSQL
 * underestimates the filtered set (it takes search_key and search_value as independent) and looks
 * up each filtered entity's rows in a nested loop, twice as slow as a statement per key.
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
    Map<String, List<Map<String, Object>>> answer = new LinkedHashMap<>();
    for (String facet : facets) {
      String key = facet.toLowerCase(Locale.ROOT);
      answer.put(
          facet,
          generation.answer(
              "facet\u0000" + key + "\u0000" + String.join("\u0001", filter),
              () -> compute(key, filter)));
    }
    return answer;
  }

  private List<Map<String, Object>> compute(String key, List<String> filter) {
    List<Object> params = new ArrayList<>();
    params.add(key);
    String where = EntityFilter.parse(filter).sql(params);
    return List.copyOf(
        jdbc.sql(
                "select s.original_value, count(distinct s.entity_ref) from catalog_search s"
                    + " where s.search_key in (?) and s.original_value is not null"
                    + (filter.isEmpty()
                        ? ""
                        : " and s.entity_ref in (select e.entity_ref from catalog_entities e"
                            + " where "
                            + where
                            + ")")
                    + " group by s.original_value order by s.original_value")
            .params(params)
            .query((rs, row) -> count(rs.getString(1), rs.getInt(2)))
            .list());
  }

  /** {@code {value, count}} in Backstage's order (Map.of would give a random one). */
  private static Map<String, Object> count(String value, int count) {
    Map<String, Object> facet = new LinkedHashMap<>();
    facet.put("value", value);
    facet.put("count", count);
    return Collections.unmodifiableMap(facet);
  }
}
