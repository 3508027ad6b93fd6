package dev.paved.api.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A page in the order of one index, walked from Java: a batch of index rows after a position (the
 * order field's search rows, or the entities by ref when there is no order field), the batch's
 * entities probed against the filter ({@link FilterProbe}), until the page is full. Each statement
 * has one obvious plan (a range of an index in its order, reads by ref), so the page costs the same
 * whatever the planner estimates, and a cursor resumes at its position without counting from the
 * start. Entities without the field (or whose value is too long to index) come last, by ref, in
 * both directions, as Backstage orders them.
 */
final class IndexWalk {

  static final int MAX_BATCH = 1000;
  private static final int MIN_BATCH = 50;

  private final JdbcClient jdbc;

  IndexWalk(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Where a page ended: the last entity's value of the field and its ref; a null value when it was
   * among the entities without the field.
   */
  record Position(String value, String ref) {}

  /** The page's refs and where its last one stands. */
  record Walked(List<String> refs, Position last) {}

  /**
   * The walk's order and filter.
   *
   * @param kinds the kinds a passing entity is one of (empty: any): rows of other kinds are left
   *     out inside the index scan (an entity's ref starts with its kind), so a filter on a kind
   *     that sorts late does not make the walk probe every entity before it
   */
  record Order(
      String field,
      boolean descending,
      FilterProbe probe,
      String where,
      List<Object> params,
      Set<String> kinds) {}

  /**
   * Up to {@code limit} passing entities after {@code after} (null: from the start), the first
   * {@code skip} of them left out; {@code expected} is how many index rows the caller expects to
   * read (the first batch's size).
   */
  Walked page(Order order, Position after, int skip, int limit, long expected) {
    List<String> refs = new ArrayList<>();
    Position last = null;
    int toSkip = skip;
    boolean tail = order.field() != null && after != null && after.value() == null;
    if (!tail) {
      Position at = after;
      int batch = (int) Math.max(MIN_BATCH, Math.min(MAX_BATCH, expected + limit));
      while (refs.size() < limit) {
        List<Position> rows = rows(order, at, batch);
        Set<String> passing = order.probe().passing(rows.stream().map(Position::ref).toList());
        for (Position row : rows) {
          if (!passing.contains(row.ref())) {
            continue;
          }
          if (toSkip > 0) {
            toSkip--;
            continue;
          }
          refs.add(row.ref());
          last = row;
          if (refs.size() == limit) {
            return new Walked(refs, last);
          }
        }
        if (rows.size() < batch) {
          break;
        }
        at = rows.get(rows.size() - 1);
        // a batch that found nothing says matches are far: the next reads as much as it may
        batch = passing.isEmpty() ? MAX_BATCH : Math.min(MAX_BATCH, batch * 2);
      }
    }
    if (order.field() == null || refs.size() == limit) {
      return new Walked(refs, last);
    }
    for (String ref : withoutField(order, tail ? after.ref() : null, limit - refs.size(), toSkip)) {
      refs.add(ref);
      last = new Position(null, ref);
    }
    return new Walked(refs, last);
  }

  /** The next index rows after {@code at}, in the walk's order. */
  private List<Position> rows(Order order, Position at, int batch) {
    String cmp = order.descending() ? "<" : ">";
    String dir = order.descending() ? " desc" : "";
    List<Object> params = new ArrayList<>();
    String sql;
    String kinds = kinds(order, params);
    if (order.field() == null) {
      sql =
          "select entity_ref, entity_ref from catalog_entities where 1 = 1"
              + kinds
              + (at == null ? "" : " and entity_ref > ?")
              + " order by entity_ref limit ?";
      if (at != null) {
        params.add(at.ref());
      }
    } else {
      // search_key leads the order so that H2 reads the index in order instead of sorting
      sql =
          "select entity_ref, search_value from catalog_search where search_key = ?"
              + " and search_value is not null"
              + kinds
              + (at == null ? "" : " and (search_value, entity_ref) " + cmp + " (?, ?)")
              + " order by search_key"
              + dir
              + ", search_value"
              + dir
              + ", entity_ref"
              + dir
              + " limit ?";
      params.add(0, order.field());
      if (at != null) {
        params.add(at.value());
        params.add(at.ref());
      }
    }
    params.add(batch);
    return jdbc.sql(sql)
        .params(params)
        .query((rs, row) -> new Position(rs.getString(2), rs.getString(1)))
        .list();
  }

  /** {@code and (entity_ref like 'kind:%' or ...)}, its patterns added to {@code params}. */
  private static String kinds(Order order, List<Object> params) {
    if (order.kinds().isEmpty()) {
      return "";
    }
    List<String> likes = new ArrayList<>();
    for (String kind : order.kinds()) {
      likes.add("entity_ref like ? escape '\\'");
      params.add(kind.replace("\\", "\\\\").replace("_", "\\_").replace("%", "\\%") + ":%");
    }
    return " and (" + String.join(" or ", likes) + ")";
  }

  /** Passing entities without a value of the field, by ref. */
  private List<String> withoutField(Order order, String afterRef, int limit, int skip) {
    List<Object> params = new ArrayList<>(order.params());
    params.add(order.field());
    if (afterRef != null) {
      params.add(afterRef);
    }
    params.add(limit);
    params.add(skip);
    return jdbc.sql(
            "select e.entity_ref from catalog_entities e where "
                + order.where()
                + " and not exists (select 1 from catalog_search s where s.entity_ref ="
                + " e.entity_ref and s.search_key = ? and s.search_value is not null)"
                + (afterRef == null ? "" : " and e.entity_ref > ?")
                + " order by e.entity_ref limit ? offset ?")
        .params(params)
        .query(String.class)
        .list();
  }
}
