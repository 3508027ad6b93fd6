package dev.paved.api.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which of a batch of entities pass a query's filter and text term, decided in Java from their own
 * search rows and relations: two reads by entity ref (the leading column of an index), whose plan
 * does not depend on estimates or on how many entities match, so a page walked in an index's order
 * costs the same on H2 and PostgreSQL, prepared on the server or not (bench/README.md). The key and
 * type are compared as expressions ({@code search_key || ''}) so that no index leads with them:
 * PostgreSQL's generic plan for a server-prepared probe otherwise read every search row of the
 * filter's keys through {@code (search_key, search_value, entity_ref)} and kept the batch's
 * (110-180 ms instead of about 2 ms).
 */
final class FilterProbe {

  private final JdbcClient jdbc;
  private final EntityFilter filter;
  private final String term;
  private final Set<String> textFields;
  private final List<String> keys;
  private final List<String> types;

  /**
   * @param term the full-text term, or null
   * @param textFields the fields the term is looked for in (lower-cased)
   */
  FilterProbe(JdbcClient jdbc, EntityFilter filter, String term, List<String> textFields) {
    this.jdbc = jdbc;
    this.filter = filter;
    this.term =
        term == null || term.isBlank() ? null : term.toLowerCase(Locale.ROOT).replace("%", "");
    this.textFields = this.term == null ? Set.of() : Set.copyOf(textFields);
    Set<String> wanted = new HashSet<>(filter.searchKeys());
    wanted.addAll(this.textFields);
    this.keys = List.copyOf(wanted);
    this.types = List.copyOf(filter.relationTypes());
  }

  /** Whether every entity passes (no filter, no term): nothing to read. */
  boolean all() {
    return keys.isEmpty() && types.isEmpty();
  }

  /** The refs of {@code refs} that pass. */
  Set<String> passing(List<String> refs) {
    if (all() || refs.isEmpty()) {
      return new HashSet<>(refs);
    }
    Map<String, Map<String, List<String>>> search = new HashMap<>();
    if (!keys.isEmpty()) {
      jdbc.sql(
              "select entity_ref, search_key, search_value from catalog_search"
                  + " where entity_ref in (:refs) and search_key || '' in (:keys)")
          .param("refs", refs)
          .param("keys", keys)
          .query(
              rs -> {
                search
                    .computeIfAbsent(rs.getString(1), r -> new HashMap<>())
                    .computeIfAbsent(rs.getString(2), k -> new ArrayList<>())
                    .add(rs.getString(3));
              });
    }
    Map<String, Map<String, Set<String>>> relations = new HashMap<>();
    if (!types.isEmpty()) {
      jdbc.sql(
              "select source_ref, type, target_ref from catalog_relations"
                  + " where source_ref in (:refs) and type || '' in (:types)")
          .param("refs", refs)
          .param("types", types)
          .query(
              rs -> {
                relations
                    .computeIfAbsent(rs.getString(1), r -> new HashMap<>())
                    .computeIfAbsent(rs.getString(2), t -> new HashSet<>())
                    .add(rs.getString(3));
              });
    }
    Set<String> passing = new HashSet<>();
    for (String ref : refs) {
      Map<String, List<String>> rows = search.getOrDefault(ref, Map.of());
      if (filter.matches(rows, relations.getOrDefault(ref, Map.of())) && text(rows)) {
        passing.add(ref);
      }
    }
    return passing;
  }

  private boolean text(Map<String, List<String>> rows) {
    if (term == null) {
      return true;
    }
    for (String field : textFields) {
      for (String value : rows.getOrDefault(field, List.of())) {
        if (value != null && value.contains(term)) {
          return true;
        }
      }
    }
    return false;
  }
}
