package dev.paved.api.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An entity as Backstage's API answers it: the body with {@code metadata.uid} and {@code
 * metadata.etag}, its {@code relations} (both those it states and those stated about it), and its
 * processing errors as {@code status.items}.
 */
final class EntityViews {

  private final CatalogStore store;

  EntityViews(CatalogStore store) {
    this.store = store;
  }

  Map<String, Object> view(CatalogStore.Stored stored) {
    return view(stored, store.relationsOf(stored.ref()));
  }

  /** The entities' views, their relations read at once; null stays null. */
  List<Map<String, Object>> views(List<CatalogStore.Stored> stored) {
    Map<String, List<Map<String, String>>> relations =
        store.relationsOf(
            stored.stream().filter(Objects::nonNull).map(CatalogStore.Stored::ref).toList());
    List<Map<String, Object>> views = new ArrayList<>(stored.size());
    for (CatalogStore.Stored s : stored) {
      views.add(s == null ? null : view(s, relations.getOrDefault(s.ref(), List.of())));
    }
    return views;
  }

  private Map<String, Object> view(
      CatalogStore.Stored stored, List<Map<String, String>> relations) {
    Map<String, Object> body = new LinkedHashMap<>(stored.entity().body());
    @SuppressWarnings("unchecked")
    Map<String, Object> metadata =
        new LinkedHashMap<>((Map<String, Object>) body.getOrDefault("metadata", Map.of()));
    metadata.put("uid", stored.uid());
    metadata.put("etag", stored.etag());
    body.put("metadata", metadata);
    body.put("relations", relations);
    if (!stored.errors().isEmpty()) {
      body.put("status", Map.of("items", statusItems(stored.errors())));
    }
    return body;
  }

  static List<Map<String, Object>> statusItems(List<String> errors) {
    return errors.stream()
        .map(
            message ->
                Map.<String, Object>of(
                    "type",
                    "backstage.io/catalog-processing",
                    "level",
                    "error",
                    "message",
                    message,
                    "error",
                    Map.of("name", "InputError", "message", message)))
        .toList();
  }
}
