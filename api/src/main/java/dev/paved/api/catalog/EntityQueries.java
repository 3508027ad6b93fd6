package dev.paved.api.catalog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The catalog's query layer: filtered, ordered, paged entities and facets. No HTTP here. */
@Repository
class EntityQueries {

  /**
   * Fields Backstage's schemas make single strings, so each entity has at most one search row for
   * them: a page ordered by one of these walks its index (see {@link #walked}).
   */
  static final Set<String> SCALAR =
      Set.of(
          "kind",
          "metadata.name",
          "metadata.namespace",
          "metadata.title",
          "spec.type",
          "spec.lifecycle",
          "spec.owner",
          "spec.system",
          "spec.domain");

  private final JdbcClient jdbc;
  private final CatalogStore store;

  EntityQueries(JdbcClient jdbc, CatalogStore store) {
    this.jdbc = jdbc;
    this.store = store;
  }

  /**
   * A query: the filter, an order field and direction, a text term over some fields.
   *
   * @param offset where the page starts (what a cursor carries)
   */
  record Query(
      List<String> filter,
      String orderField,
      boolean descending,
      String text,
      List<String> textFields,
      int limit,
      int offset) {}

  /** One page, the total, and the refs of the entities in it in order. */
  record Page(List<CatalogStore.Stored> items, int total, Integer next, Integer prev) {}

  Page query(Query query) {
    List<Object> params = new ArrayList<>();
    String where = EntityFilter.parse(query.filter()).sql(params);
    if (query.text() != null && !query.text().isBlank()) {
      List<String> fields =
          query.textFields().isEmpty()
              ? List.of(query.orderField() == null ? "metadata.name" : query.orderField())
              : query.textFields();
      where +=
          " and e.entity_ref in (select entity_ref from catalog_search where search_key in ("
              + String.join(", ", fields.stream().map(f -> "?").toList())
              + ") and search_value like ?)";
      fields.forEach(f -> params.add(f.toLowerCase(Locale.ROOT)));
      params.add("%" + query.text().toLowerCase(Locale.ROOT).replace("%", "") + "%");
    }
    int total =
        jdbc.sql("select count(*) from catalog_entities e where " + where)
            .params(params)
            .query(Integer.class)
            .single();
    List<String> refs =
        query.orderField() != null && SCALAR.contains(query.orderField().toLowerCase(Locale.ROOT))
            ? walked(query, where, params)
            : sorted(query, where, params);
    Map<String, CatalogStore.Stored> found =
        store.findByRefs(refs).stream()
            .collect(Collectors.toMap(CatalogStore.Stored::ref, Function.identity()));
    List<CatalogStore.Stored> items = refs.stream().map(found::get).toList();
    int end = query.offset() + items.size();
    return new Page(
        items,
        total,
        end < total ? end : null,
        query.offset() > 0 ? Math.max(0, query.offset() - query.limit()) : null);
  }

  /**
   * A page ordered by a field every entity has at most once: walks that field's index in order,
   * keeping the rows whose entity passes the filter, and stops at the page's end, so a first page
   * reads a few dozen index rows rather than every matching entity. Entities without the field (or
   * whose value is too long to index) come last, by ref, as Backstage orders them.
   */
  private List<String> walked(Query query, String where, List<Object> params) {
    String field = query.orderField().toLowerCase(Locale.ROOT);
    String filtered =
        "exists (select 1 from catalog_entities e where e.entity_ref = s.entity_ref and "
            + where
            + ")";
    List<Object> all = new ArrayList<>();
    all.add(field);
    all.addAll(params);
    all.add(query.limit());
    all.add(query.offset());
    List<String> refs =
        new ArrayList<>(
            jdbc.sql(
                    "select s.entity_ref from catalog_search s where s.search_key = ?"
                        + " and s.search_value is not null and "
                        + filtered
                        + " order by s.search_value"
                        + (query.descending() ? " desc" : "")
                        + ", s.entity_ref limit ? offset ?")
                .params(all)
                .query(String.class)
                .list());
    if (refs.size() == query.limit()) {
      return refs;
    }
    List<Object> counted = new ArrayList<>();
    counted.add(field);
    counted.addAll(params);
    int keyed =
        jdbc.sql(
                "select count(*) from catalog_search s where s.search_key = ?"
                    + " and s.search_value is not null and "
                    + filtered)
            .params(counted)
            .query(Integer.class)
            .single();
    List<Object> rest = new ArrayList<>(params);
    rest.add(field);
    rest.add(query.limit() - refs.size());
    rest.add(Math.max(0, query.offset() - keyed));
    refs.addAll(
        jdbc.sql(
                "select e.entity_ref from catalog_entities e where "
                    + where
                    + " and not exists (select 1 from catalog_search s where s.entity_ref ="
                    + " e.entity_ref and s.search_key = ? and s.search_value is not null)"
                    + " order by e.entity_ref limit ? offset ?")
            .params(rest)
            .query(String.class)
            .list());
    return refs;
  }

  /** A page ordered by any other field: by each matching entity's least value of it. */
  private List<String> sorted(Query query, String where, List<Object> params) {
    String order = "e.entity_ref";
    List<Object> pageParams = new ArrayList<>();
    if (query.orderField() != null) {
      order =
          "(select min(s.search_value) from catalog_search s where s.entity_ref = e.entity_ref"
              + " and s.search_key = ?)"
              + (query.descending() ? " desc" : "")
              + ", e.entity_ref";
      pageParams.add(query.orderField().toLowerCase(Locale.ROOT));
    }
    List<Object> all = new ArrayList<>(params);
    all.addAll(pageParams);
    all.add(query.limit());
    all.add(query.offset());
    return jdbc.sql(
            "select e.entity_ref from catalog_entities e where "
                + where
                + " order by "
                + order
                + " limit ? offset ?")
        .params(all)
        .query(String.class)
        .list();
  }

  /** For each facet, its values (as written) and how many filtered entities have each. */
  Map<String, List<Map<String, Object>>> facets(List<String> facets, List<String> filter) {
    Map<String, List<Map<String, Object>>> answer = new LinkedHashMap<>();
    for (String facet : facets) {
      List<Object> params = new ArrayList<>();
      params.add(facet.toLowerCase(Locale.ROOT));
      String where = EntityFilter.parse(filter).sql(params);
      answer.put(
          facet,
          jdbc.sql(
                  "select s.original_value, count(distinct s.entity_ref) from catalog_search s"
                      + " where s.search_key = ? and s.original_value is not null"
                      + (filter.isEmpty()
                          ? ""
                          : " and exists (select 1 from catalog_entities e"
                              + " where e.entity_ref = s.entity_ref and "
                              + where
                              + ")")
                      + " group by s.original_value order by s.original_value")
              .params(params)
              .query((rs, row) -> facet(rs.getString(1), rs.getInt(2)))
              .list());
    }
    return answer;
  }

  /** {@code {value, count}} in Backstage's order (Map.of would give a random one). */
  private static Map<String, Object> facet(String value, int count) {
    Map<String, Object> facet = new LinkedHashMap<>();
    facet.put("value", value);
    facet.put("count", count);
    return facet;
  }

  /** A cursor: the query and the offset it resumes at, opaque to callers. */
  static String cursor(Query query, int offset) {
    String text =
        String.join("\u0001", query.filter())
            + "\u0002"
            + (query.orderField() == null ? "" : query.orderField())
            + "\u0002"
            + query.descending()
            + "\u0002"
            + (query.text() == null ? "" : query.text())
            + "\u0002"
            + String.join("\u0001", query.textFields())
            + "\u0002"
            + query.limit()
            + "\u0002"
            + offset;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** IllegalArgumentException for a cursor this catalog did not write. */
  static Query fromCursor(String cursor) {
    try {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)
              .split("\u0002", -1);
      return new Query(
          split(parts[0]),
          parts[1].isEmpty() ? null : parts[1],
          Boolean.parseBoolean(parts[2]),
          parts[3].isEmpty() ? null : parts[3],
          split(parts[4]),
          Integer.parseInt(parts[5]),
          Integer.parseInt(parts[6]));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Malformed cursor: " + cursor);
    }
  }

  private static List<String> split(String joined) {
    return joined.isEmpty() ? List.of() : List.of(joined.split("\u0001"));
  }
}
