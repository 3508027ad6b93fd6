package dev.paved.api.catalog;

import dev.paved.api.identity.CurrentUser;
import dev.paved.api.identity.CurrentUsers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * Backstage's catalog REST API, its locations and processing: register, analyse, refresh, validate.
 * Errors answer in Backstage's shape ({@link BackstageErrors}).
 */
@RestController
@RequestMapping("/api/catalog")
class BackstageLocationsController {

  private final CatalogStore store;
  private final CatalogLocations locations;
  private final Catalog catalog;
  private final EntityValidator validator;
  private final CurrentUsers users;

  BackstageLocationsController(
      CatalogStore store,
      CatalogLocations locations,
      Catalog catalog,
      EntityValidator validator,
      CurrentUsers users) {
    this.store = store;
    this.locations = locations;
    this.catalog = catalog;
    this.validator = validator;
    this.users = users;
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
        .map(BackstageLocationsController::location)
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
        .flatMap(id -> id == null ? Optional.empty() : locations.find(id))
        .map(BackstageLocationsController::location)
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
}
