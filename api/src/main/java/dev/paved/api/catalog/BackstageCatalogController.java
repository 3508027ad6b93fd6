package dev.paved.api.catalog;

import dev.paved.api.identity.CurrentUser;
import dev.paved.api.identity.CurrentUsers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
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
 * Backstage's catalog REST API, so {@code @backstage/catalog-client} and Backstage plugins work
 * against Paved with only a base URL changed. Errors answer in Backstage's shape ({@link
 * BackstageErrors}).
 */
@RestController
@RequestMapping("/api/catalog")
class BackstageCatalogController {

  private static final int DEFAULT_LIMIT = 20;

  private final CatalogStore store;
  private final CatalogLocations locations;
  private final EntityQueries queries;
  private final Catalog catalog;
  private final EntityValidator validator;
  private final EntityViews views;
  private final CurrentUsers users;

  BackstageCatalogController(
      CatalogStore store,
      CatalogLocations locations,
      EntityQueries queries,
      Catalog catalog,
      EntityValidator validator,
      CurrentUsers users) {
    this.store = store;
    this.locations = locations;
    this.queries = queries;
    this.catalog = catalog;
    this.validator = validator;
    this.views = new EntityViews(store);
    this.users = users;
  }

  @GetMapping("/entities/by-query")
  Map<String, Object> byQuery(
      jakarta.servlet.http.HttpServletRequest request,
      @RequestParam(required = false) List<String> fields,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) String fullTextFilterTerm,
      @RequestParam(required = false) List<String> fullTextFilterFields,
      @RequestParam(required = false) String cursor) {
    List<String> filter = raw(request, "filter");
    List<String> orderField = raw(request, "orderField");
    EntityQueries.Query query;
    if (cursor != null) {
      query = EntityQueries.fromCursor(cursor);
    } else {
      String order =
          orderField == null || orderField.isEmpty() ? null : String.join(",", orderField);
      String field = order == null ? null : order.split(",")[0];
      boolean desc = order != null && order.endsWith(",desc");
      int size = limit == null ? DEFAULT_LIMIT : limit;
      if (size < 0) {
        throw new IllegalArgumentException("limit must be positive");
      }
      query =
          new EntityQueries.Query(
              filter == null ? List.of() : filter,
              field,
              desc,
              fullTextFilterTerm,
              fullTextFilterFields == null ? List.of() : split(fullTextFilterFields),
              size,
              0);
    }
    EntityQueries.Page page = queries.query(query);
    Map<String, Object> pageInfo = new LinkedHashMap<>();
    if (page.next() != null) {
      pageInfo.put("nextCursor", EntityQueries.cursor(query, page.next()));
    }
    if (page.prev() != null) {
      pageInfo.put("prevCursor", EntityQueries.cursor(query, page.prev()));
    }
    List<String> wanted = fields == null ? List.of() : split(fields);
    return Map.of(
        "items",
        page.items().stream().map(s -> Fields.select(views.view(s), wanted)).toList(),
        "totalItems",
        page.total(),
        "pageInfo",
        pageInfo);
  }

  @GetMapping("/entities")
  List<Map<String, Object>> entities(
      jakarta.servlet.http.HttpServletRequest request,
      @RequestParam(required = false) List<String> fields) {
    List<String> filter = raw(request, "filter");
    EntityQueries.Page page =
        queries.query(
            new EntityQueries.Query(
                filter == null ? List.of() : filter, null, false, null, List.of(), 10_000, 0));
    List<String> wanted = fields == null ? List.of() : split(fields);
    return page.items().stream().map(s -> Fields.select(views.view(s), wanted)).toList();
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
    for (String ref : parsed) {
      CatalogStore.Stored stored = found.get(ref);
      items.add(stored == null ? null : Fields.select(views.view(stored), wanted));
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("items", items);
    return answer;
  }

  @GetMapping("/entity-facets")
  Map<String, Object> facets(
      @RequestParam List<String> facet, jakarta.servlet.http.HttpServletRequest request) {
    List<String> filter = raw(request, "filter");
    return Map.of("facets", queries.facets(facet, filter == null ? List.of() : filter));
  }

  @GetMapping("/locations")
  List<Map<String, Object>> locations() {
    return locations.all().stream().map(l -> Map.<String, Object>of("data", location(l))).toList();
  }

  @PostMapping("/locations")
  ResponseEntity<Map<String, Object>> addLocation(
      @RequestBody Map<String, Object> body, @RequestParam(defaultValue = "false") boolean dryRun) {
    String type = String.valueOf(body.getOrDefault("type", "url"));
    if (!(body.get("target") instanceof String target) || target.isBlank()) {
      throw new IllegalArgumentException("target is required");
    }
    if (!"url".equals(type) && !"file".equals(type)) {
      throw new IllegalArgumentException("Unknown location type '" + type + "': url or file");
    }
    CurrentUser user = users.current();
    Catalog.Registered registered =
        catalog.register(type, target, dryRun, "api", user.platform(), user.name());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("location", location(registered.location()));
    answer.put("entities", registered.outcome().entities().stream().map(Entity::body).toList());
    if (dryRun) {
      answer.put("exists", registered.existed());
    }
    if (!registered.outcome().errors().isEmpty()) {
      answer.put("errors", EntityViews.statusItems(registered.outcome().errors()));
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(answer);
  }

  /**
   * Backstage's {@code POST /analyze-location}: what registering {@code location} would bring into
   * the catalog, read as a dry run reads it (nothing is stored). Each valid entity of the file is
   * an existing entity file; {@code isRegistered} says whether the location is registered already.
   * Paved generates no entities for a repository without a file ({@code generateEntities} is
   * empty).
   */
  @PostMapping("/analyze-location")
  Map<String, Object> analyzeLocation(@RequestBody Map<String, Object> body) {
    if (!(body.get("location") instanceof Map<?, ?> location)) {
      throw new IllegalArgumentException("location is required: {type, target}");
    }
    String type = String.valueOf(location.get("type") == null ? "url" : location.get("type"));
    if (!(location.get("target") instanceof String target) || target.isBlank()) {
      throw new IllegalArgumentException("location.target is required");
    }
    if (!"url".equals(type) && !"file".equals(type)) {
      throw new IllegalArgumentException("Unknown location type '" + type + "': url or file");
    }
    CurrentUser user = users.current();
    Catalog.Registered preview =
        catalog.register(type, target, true, "api", user.platform(), user.name());
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("type", type);
    spec.put("target", target);
    List<Map<String, Object>> files = new ArrayList<>();
    for (Entity entity : preview.outcome().entities()) {
      Map<String, Object> file = new LinkedHashMap<>();
      file.put("location", spec);
      file.put("isRegistered", preview.existed());
      file.put("entity", entity.body());
      files.add(file);
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("existingEntityFiles", files);
    answer.put("generateEntities", List.of());
    return answer;
  }

  @GetMapping("/locations/{id}")
  Map<String, Object> location(@PathVariable String id) {
    return locations
        .find(id)
        .map(BackstageCatalogController::location)
        .orElseThrow(() -> new BackstageErrors.NotFound("Found no location with ID " + id));
  }

  @DeleteMapping("/locations/{id}")
  ResponseEntity<Void> deleteLocation(@PathVariable String id) {
    if (!catalog.deleteLocation(id, users.current().name())) {
      throw new BackstageErrors.NotFound("Found no location with ID " + id);
    }
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/locations/by-entity/{kind}/{namespace}/{name}")
  Map<String, Object> locationOf(
      @PathVariable String kind, @PathVariable String namespace, @PathVariable String name) {
    String ref = new EntityRef(kind, namespace, name).toString();
    return store
        .findByRef(ref)
        .map(CatalogStore.Stored::locationId)
        .flatMap(id -> id == null ? java.util.Optional.empty() : locations.find(id))
        .map(BackstageCatalogController::location)
        .orElseThrow(() -> new BackstageErrors.NotFound("No location for entity '" + ref + "'"));
  }

  @PostMapping("/refresh")
  ResponseEntity<Void> refresh(@RequestBody Map<String, Object> body) {
    if (!(body.get("entityRef") instanceof String ref)) {
      throw new IllegalArgumentException("entityRef is required");
    }
    if (!catalog.refreshEntity(EntityRef.parse(ref).toString())) {
      throw new BackstageErrors.NotFound("No entity '" + ref + "' found");
    }
    return ResponseEntity.ok().build();
  }

  @PostMapping("/validate-entity")
  ResponseEntity<Map<String, Object>> validate(@RequestBody Map<String, Object> body) {
    if (!(body.get("entity") instanceof Map<?, ?> raw)) {
      throw new IllegalArgumentException("entity is required");
    }
    @SuppressWarnings("unchecked")
    List<String> problems = validator.problems((Map<String, Object>) raw);
    if (problems.isEmpty()) {
      return ResponseEntity.ok().build();
    }
    return ResponseEntity.badRequest()
        .body(
            Map.of(
                "errors",
                problems.stream().map(p -> Map.of("name", "InputError", "message", p)).toList()));
  }

  private static Map<String, Object> location(CatalogLocations.Location l) {
    return Map.of("id", l.id(), "type", l.type(), "target", l.target());
  }

  /** A parameter's values as sent: Spring would split one value at its commas. */
  private static List<String> raw(jakarta.servlet.http.HttpServletRequest request, String name) {
    String[] values = request.getParameterValues(name);
    return values == null ? null : List.of(values);
  }

  private static List<String> split(List<String> values) {
    return values.stream()
        .flatMap(v -> java.util.Arrays.stream(v.split(",")))
        .map(String::trim)
        .filter(v -> !v.isEmpty())
        .toList();
  }
}
