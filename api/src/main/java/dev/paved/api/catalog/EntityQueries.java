package dev.paved.api.catalog;

import dev.paved.api.catalog.IndexWalk.Position;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The catalog's query layer: filtered, ordered, paged entities and facets. No HTTP here. Totals and
 * facets are kept per catalog generation ({@link CatalogGeneration}); pages are walked in an
 * index's order ({@link IndexWalk}) unless few entities match.
 */
@Repository
class EntityQueries {

  /**
   * Fields Backstage's schemas make single strings, so each entity has at most one search row for
   * them: a page ordered by one of these walks its index.
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

  /** At most this many matches are sorted in the database rather than walked... */
  static final int SORT_AT_MOST = 500;

  private final int sortAtMost;

  /** ...and so are any number when the walk would read more index rows than this. */
  static final long WALK_AT_MOST = 50_000;

  private final JdbcClient jdbc;
  private final CatalogStore store;
  private final CatalogGeneration generation;
  private final IndexWalk walk;

  @Autowired
  EntityQueries(JdbcClient jdbc, CatalogStore store) {
    this(jdbc, store, SORT_AT_MOST);
  }

  /** {@code sortAtMost}: up to how many matches a page is sorted in the database (tests). */
  EntityQueries(JdbcClient jdbc, CatalogStore store, int sortAtMost) {
    this.sortAtMost = sortAtMost;
    this.jdbc = jdbc;
    this.store = store;
    this.generation = store.generation();
    this.walk = new IndexWalk(jdbc);
  }

  /**
   * A query: the filter, an order field and direction, a text term over some fields.
   *
   * @param offset where the page starts (what a cursor carries)
   * @param after where the previous page ended, for a next page; null otherwise
   */
  record Query(
      List<String> filter,
      String orderField,
      boolean descending,
      String text,
      List<String> textFields,
      int limit,
      int offset,
      Position after) {

    Query(
        List<String> filter,
        String orderField,
        boolean descending,
        String text,
        List<String> textFields,
        int limit,
        int offset) {
      this(filter, orderField, descending, text, textFields, limit, offset, null);
    }

    /** The fields the text term is looked for in: as asked, else the order field, else the name. */
    List<String> searchedFields() {
      List<String> fields =
          textFields.isEmpty()
              ? List.of(orderField == null ? "metadata.name" : orderField)
              : textFields;
      return fields.stream().map(f -> f.toLowerCase(Locale.ROOT)).toList();
    }

    boolean hasText() {
      return text != null && !text.isBlank();
    }
  }

  /** One page, the total, where the next and previous pages start, and where this one ended. */
  record Page(
      List<CatalogStore.Stored> items, int total, Integer next, Integer prev, Position last) {}

  Page query(Query query) {
    EntityFilter filter = EntityFilter.parse(query.filter());
    List<Object> params = new ArrayList<>();
    String where = filter.sql(params);
    if (query.hasText()) {
      List<String> fields = query.searchedFields();
      where +=
          " and e.entity_ref in (select entity_ref from catalog_search where search_key in ("
              + String.join(", ", fields.stream().map(f -> "?").toList())
              + ") and search_value like ? escape '\\')";
      params.addAll(fields);
      params.add("%" + likeLiteral(query.text().toLowerCase(Locale.ROOT).replace("%", "")) + "%");
    }
    String counted = where;
    int total =
        generation.answer(
            "count\u0000" + String.join("\u0001", query.filter()) + "\u0000" + textKey(query),
            () ->
                jdbc.sql("select count(*) from catalog_entities e where " + counted)
                    .params(params)
                    .query(Integer.class)
                    .single());
    String field = query.orderField() == null ? null : query.orderField().toLowerCase(Locale.ROOT);
    List<String> refs;
    Position last = null;
    long walked = walkSize(field);
    long expected = (long) (query.offset() + query.limit()) * walked / Math.max(1, total);
    boolean walkable = field == null || SCALAR.contains(field);
    if (total == 0) {
      refs = List.of();
    } else if (walkable
        && total > sortAtMost
        && (query.after() != null || expected <= WALK_AT_MOST)) {
      FilterProbe probe =
          new FilterProbe(
              jdbc, filter, query.hasText() ? query.text() : null, query.searchedFields());
      IndexWalk.Walked page =
          walk.page(
              new IndexWalk.Order(field, query.descending(), probe, where, params, filter.kinds()),
              query.after(),
              query.after() == null ? query.offset() : 0,
              query.limit(),
              query.after() == null ? expected : (long) query.limit() * walked / total);
      refs = page.refs();
      last = page.last();
    } else {
      refs = sorted(query, field, where, params);
    }
    Map<String, CatalogStore.Stored> found =
        store.findByRefs(refs).stream()
            .collect(Collectors.toMap(CatalogStore.Stored::ref, Function.identity()));
    List<CatalogStore.Stored> items = refs.stream().map(found::get).toList();
    int end = query.offset() + items.size();
    return new Page(
        items,
        total,
        end < total && items.size() == query.limit() ? end : null,
        query.offset() > 0 ? Math.max(0, query.offset() - query.limit()) : null,
        last);
  }

  /** How many index rows a full walk reads: the field's search rows, or every entity. */
  private long walkSize(String field) {
    return generation.answer(
        "rows\u0000" + (field == null ? "" : field),
        () ->
            field == null
                ? jdbc.sql("select count(*) from catalog_entities").query(Long.class).single()
                : jdbc.sql(
                        "select count(*) from catalog_search where search_key = ?"
                            + " and search_value is not null")
                    .param(field)
                    .query(Long.class)
                    .single());
  }

  /**
   * A page sorted in the database, by each matching entity's least value of the field (entities
   * without it last, by ref), with an offset: for few matches, or a field an entity may have many
   * values of.
   */
  private List<String> sorted(Query query, String field, String where, List<Object> params) {
    List<Object> all = new ArrayList<>();
    String value = "null";
    if (field != null) {
      value =
          "(select min(s.search_value) from catalog_search s where s.entity_ref = e.entity_ref"
              + " and s.search_key = ?)";
      all.add(field);
    }
    all.addAll(params);
    all.add(query.limit());
    all.add(query.offset());
    String dir = query.descending() ? " desc" : "";
    return jdbc.sql(
            "select ref from (select e.entity_ref as ref, "
                + value
                + " as v from catalog_entities e where "
                + where
                + ") m order by case when v is null then 1 else 0 end, v"
                + dir
                + ", case when v is null then ref end, ref"
                + dir
                + " limit ? offset ?")
        .params(all)
        .query(String.class)
        .list();
  }

  /**
   * For each facet, its values (as written) and how many filtered entities have each; kept per
   * catalog generation. The filtered entities are read once for all facets (by the filter's own
   * indexes), and each facet's search rows in the order of {@code catalog_search_key_original}
   * (key, value, entity), so a value's distinct entities are counted as the rows stream by: two
   * range reads and a hash probe, which no database plan of the joined form matched on H2 for a
   * filter that most entities pass (bench/README.md, "Facets under a filter").
   */
  Map<String, List<Map<String, Object>>> facets(List<String> facets, List<String> filter) {
    Map<String, List<Map<String, Object>>> answer = new LinkedHashMap<>();
    Passing passing = new Passing(filter);
    for (String facet : facets) {
      answer.put(
          facet,
          generation.answer(
              "facet\u0000" + facet + "\u0000" + String.join("\u0001", filter),
              () -> facet(facet, passing.refs())));
    }
    return answer;
  }

  /** The entities a filter passes, read at most once per facets question, and only if needed. */
  private final class Passing {
    private final List<String> filter;
    private Set<String> refs;

    Passing(List<String> filter) {
      this.filter = filter;
    }

    /** Null when there is no filter (every entity passes). */
    Set<String> refs() {
      if (filter.isEmpty()) {
        return null;
      }
      if (refs == null) {
        refs = passing(filter);
      }
      return refs;
    }
  }

  /** The refs of the entities that pass the filter. */
  private Set<String> passing(List<String> filter) {
    List<Object> params = new ArrayList<>();
    String where = EntityFilter.parse(filter).sql(params);
    Set<String> refs = new HashSet<>();
    jdbc.sql("select e.entity_ref from catalog_entities e where " + where)
        .params(params)
        .query(
            rs -> {
              refs.add(rs.getString(1));
            });
    return refs;
  }

  /** One facet's counts over the entities in {@code passing} (all entities when null). */
  private List<Map<String, Object>> facet(String facet, Set<String> passing) {
    List<Map<String, Object>> counts = new ArrayList<>();
    String[] value = {null};
    String[] lastRef = {null};
    int[] count = {0};
    jdbc.sql(
            "select s.original_value, s.entity_ref from catalog_search s"
                + " where s.search_key = ? and s.original_value is not null"
                + " order by s.original_value, s.entity_ref")
        .param(facet.toLowerCase(Locale.ROOT))
        .query(
            rs -> {
              String v = rs.getString(1);
              String ref = rs.getString(2);
              if (passing != null && !passing.contains(ref)) {
                return;
              }
              if (!v.equals(value[0])) {
                if (count[0] > 0) {
                  counts.add(count(value[0], count[0]));
                }
                value[0] = v;
                lastRef[0] = null;
                count[0] = 0;
              }
              if (!ref.equals(lastRef[0])) {
                count[0]++;
                lastRef[0] = ref;
              }
            });
    if (count[0] > 0) {
      counts.add(count(value[0], count[0]));
    }
    return List.copyOf(counts);
  }

  /** {@code {value, count}} in Backstage's order (Map.of would give a random one). */
  private static Map<String, Object> count(String value, int count) {
    Map<String, Object> facet = new LinkedHashMap<>();
    facet.put("value", value);
    facet.put("count", count);
    return java.util.Collections.unmodifiableMap(facet);
  }

  private static String textKey(Query query) {
    return query.hasText()
        ? query.text() + "\u0001" + String.join("\u0001", query.searchedFields())
        : "";
  }

  /** The term as a literal inside LIKE's pattern (escape character: backslash). */
  private static String likeLiteral(String term) {
    return term.replace("\\", "\\\\").replace("_", "\\_");
  }
}
