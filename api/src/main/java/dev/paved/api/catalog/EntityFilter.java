package dev.paved.api.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Backstage's {@code filter} parameters: each parameter is one alternative (OR between parameters);
 * inside one, comma-separated conditions must all hold (AND), several values for the same key are
 * any-of, and a key alone asks only that it exists. Keys and values are compared lower-cased.
 *
 * @param anyOf the alternatives; empty matches every entity
 */
public record EntityFilter(List<Map<String, List<String>>> anyOf) {

  /** IllegalArgumentException for a condition without a key. */
  public static EntityFilter parse(List<String> parameters) {
    List<Map<String, List<String>>> anyOf = new ArrayList<>();
    for (String parameter : parameters == null ? List.<String>of() : parameters) {
      Map<String, List<String>> allOf = new LinkedHashMap<>();
      for (String condition : parameter.split(",")) {
        if (condition.isBlank()) {
          continue;
        }
        int eq = condition.indexOf('=');
        String key = (eq < 0 ? condition : condition.substring(0, eq)).trim();
        if (key.isEmpty()) {
          throw new IllegalArgumentException(
              "Invalid filter '" + parameter + "': a key is missing");
        }
        List<String> values = allOf.computeIfAbsent(lower(key), k -> new ArrayList<>());
        if (eq >= 0) {
          values.add(lower(condition.substring(eq + 1).trim()));
        }
      }
      if (!allOf.isEmpty()) {
        anyOf.add(allOf);
      }
    }
    return new EntityFilter(anyOf);
  }

  /**
   * The SQL condition on {@code e.entity_ref}, with its parameters: {@code relations.<type>} on the
   * relations table, every other key on the search rows.
   */
  String sql(List<Object> params) {
    if (anyOf.isEmpty()) {
      return "1 = 1";
    }
    List<String> ors = new ArrayList<>();
    for (Map<String, List<String>> allOf : anyOf) {
      List<String> ands = new ArrayList<>();
      allOf.forEach(
          (key, values) -> {
            String in = String.join(", ", values.stream().map(v -> "?").toList());
            if (key.startsWith("relations.")) {
              params.add(
                  dev.paved.api.catalog.relations.RelationTypes.canonical(
                      key.substring("relations.".length())));
              params.addAll(values);
              ands.add(
                  "e.entity_ref in (select source_ref from catalog_relations where type = ?"
                      + (values.isEmpty() ? "" : " and target_ref in (" + in + ")")
                      + ")");
            } else {
              params.add(key);
              params.addAll(values);
              ands.add(
                  "e.entity_ref in (select entity_ref from catalog_search where search_key = ?"
                      + (values.isEmpty() ? "" : " and search_value in (" + in + ")")
                      + ")");
            }
          });
      ors.add("(" + String.join(" and ", ands) + ")");
    }
    return "(" + String.join(" or ", ors) + ")";
  }

  /**
   * The kinds every passing entity is one of, when each alternative names its kinds ({@code
   * kind=component}); empty when some alternative allows any kind. An entity's ref starts with its
   * kind, so a walk can leave other kinds out inside the index it reads.
   */
  Set<String> kinds() {
    Set<String> kinds = new HashSet<>();
    for (Map<String, List<String>> allOf : anyOf) {
      List<String> values = allOf.get("kind");
      if (values == null || values.isEmpty()) {
        return Set.of();
      }
      kinds.addAll(values);
    }
    return kinds;
  }

  /** The search keys the filter reads ({@code relations.*} left out). */
  Set<String> searchKeys() {
    Set<String> keys = new HashSet<>();
    anyOf.forEach(allOf -> allOf.keySet().stream().filter(k -> !relation(k)).forEach(keys::add));
    return keys;
  }

  /** The relation types the filter reads, canonical. */
  Set<String> relationTypes() {
    Set<String> types = new HashSet<>();
    anyOf.forEach(
        allOf ->
            allOf.keySet().stream()
                .filter(EntityFilter::relation)
                .forEach(k -> types.add(type(k))));
    return types;
  }

  /**
   * Whether an entity passes, from its facts: its search rows of {@link #searchKeys} (key to
   * values, a null value for a key without one) and its relations of {@link #relationTypes} (type
   * to targets). The same answer as {@link #sql}, evaluated in Java.
   */
  boolean matches(Map<String, List<String>> search, Map<String, Set<String>> relations) {
    if (anyOf.isEmpty()) {
      return true;
    }
    for (Map<String, List<String>> allOf : anyOf) {
      boolean all = true;
      for (Map.Entry<String, List<String>> condition : allOf.entrySet()) {
        String key = condition.getKey();
        List<String> wanted = condition.getValue();
        java.util.Collection<String> has =
            relation(key) ? relations.get(type(key)) : search.get(key);
        if (has == null || (!wanted.isEmpty() && wanted.stream().noneMatch(has::contains))) {
          all = false;
          break;
        }
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  private static boolean relation(String key) {
    return key.startsWith("relations.");
  }

  private static String type(String key) {
    return dev.paved.api.catalog.relations.RelationTypes.canonical(
        key.substring("relations.".length()));
  }

  private static String lower(String value) {
    return value.toLowerCase(Locale.ROOT);
  }
}
