package dev.paved.api.catalog;

import dev.paved.api.identity.CurrentUsers;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Backstage's catalog REST API, its entities: so {@code @backstage/catalog-client} and Backstage
 * plugins work against Paved with only a base URL changed. Locations are in {@link
 * BackstageLocationsController}; errors answer in Backstage's shape ({@link BackstageErrors}).
 */
@RestController
@RequestMapping("/api/catalog")
class BackstageCatalogController {

  private static final int DEFAULT_LIMIT = 20;

  private final CatalogStore store;
  private final EntityQueries queries;
  private final Catalog catalog;
  private final EntityViews views;
  private final CurrentUsers users;

  BackstageCatalogController(
      CatalogStore store, EntityQueries queries, Catalog catalog, CurrentUsers users) {
    this.store = store;
    this.queries = queries;
    this.catalog = catalog;
    this.views = new EntityViews(store);
    this.users = users;
  }

  @GetMapping("/entities/by-query")
  Map<String, Object> byQuery(
      HttpServletRequest request,
      @RequestParam(required = false) List<String> fields,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) String fullTextFilterTerm,
      @RequestParam(required = false) List<String> fullTextFilterFields,
      @RequestParam(required = false) String cursor) {
    EntityQueries.Query query;
    if (cursor != null) {
      query = QueryCursor.decode(cursor);
    } else {
      List<String> orderField = raw(request, "orderField");
      String order = orderField.isEmpty() ? null : String.join(",", orderField);
      int size = limit == null ? DEFAULT_LIMIT : limit;
      if (size < 0) {
        throw new IllegalArgumentException("limit must be positive");
      }
      query =
          new EntityQueries.Query(
              raw(request, "filter"),
              order == null ? null : order.split(",")[0],
              order != null && order.endsWith(",desc"),
              fullTextFilterTerm,
              fullTextFilterFields == null ? List.of() : split(fullTextFilterFields),
              size,
              0);
    }
    EntityQueries.Page page = queries.query(query);
    Map<String, Object> pageInfo = new LinkedHashMap<>();
    if (page.next() != null) {
      pageInfo.put("nextCursor", QueryCursor.encode(query, page.next(), page.last()));
    }
    if (page.prev() != null) {
      pageInfo.put("prevCursor", QueryCursor.encode(query, page.prev(), null));
    }
    return Map.of(
        "items", select(page.items(), fields), "totalItems", page.total(), "pageInfo", pageInfo);
  }

  @GetMapping("/entities")
  List<Map<String, Object>> entities(
      HttpServletRequest request, @RequestParam(required = false) List<String> fields) {
    EntityQueries.Page page =
        queries.query(
            new EntityQueries.Query(
                raw(request, "filter"), null, false, null, List.of(), 10_000, 0));
    return select(page.items(), fields);
  }

  @GetMapping("/entities/by-name/{kind}/{namespace}/{name}")
  Map<String, Object> byName(
      @PathVariable String kind, @PathVariable String namespace, @PathVariable String name) {
    String ref = new EntityRef(kind, namespace, name).toString();
    return store
        .findByRef(ref)
        .map(views::view)
        .orElseThrow(() -> new BackstageErrors.NotFound("No entity named '" + ref + "' found"));
  }

  @GetMapping("/entities/by-uid/{uid}")
  Map<String, Object> byUid(@PathVariable String uid) {
    return store
        .findByUid(uid)
        .map(views::view)
        .orElseThrow(() -> new BackstageErrors.NotFound("No entity with uid " + uid));
  }

  @DeleteMapping("/entities/by-uid/{uid}")
  ResponseEntity<Void> deleteByUid(@PathVariable String uid) {
    if (!catalog.deleteEntity(uid, users.current().name())) {
      throw new BackstageErrors.NotFound("No entity with uid " + uid);
    }
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/entities/by-refs")
  Map<String, Object> byRefs(@RequestBody Map<String, Object> body) {
    if (!(body.get("entityRefs") instanceof List<?> refs)) {
      throw new IllegalArgumentException("entityRefs must be a list of entity refs");
    }
    List<String> wanted = new ArrayList<>();
    if (body.get("fields") instanceof List<?> f) {
      f.forEach(x -> wanted.add(String.valueOf(x)));
    }
    List<String> parsed =
        refs.stream().map(r -> EntityRef.parse(String.valueOf(r)).toString()).toList();
    Map<String, CatalogStore.Stored> found =
        store.findByRefs(parsed).stream()
            .collect(Collectors.toMap(CatalogStore.Stored::ref, Function.identity()));
    List<Object> items = new ArrayList<>();
    for (Map<String, Object> view : views.views(parsed.stream().map(found::get).toList())) {
      items.add(view == null ? null : Fields.select(view, wanted));
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("items", items);
    return answer;
  }

  @GetMapping("/entity-facets")
  Map<String, Object> facets(@RequestParam List<String> facet, HttpServletRequest request) {
    return Map.of("facets", queries.facets(facet, raw(request, "filter")));
  }

  private List<Map<String, Object>> select(List<CatalogStore.Stored> items, List<String> fields) {
    List<String> wanted = fields == null ? List.of() : split(fields);
    return views.views(items).stream().map(v -> Fields.select(v, wanted)).toList();
  }

  /** A parameter's values as sent (Spring would split one value at its commas); none: empty. */
  static List<String> raw(HttpServletRequest request, String name) {
    String[] values = request.getParameterValues(name);
    return values == null ? List.of() : List.of(values);
  }

  private static List<String> split(List<String> values) {
    return values.stream()
        .flatMap(v -> Arrays.stream(v.split(",")))
        .map(String::trim)
        .filter(v -> !v.isEmpty())
        .toList();
  }
}
