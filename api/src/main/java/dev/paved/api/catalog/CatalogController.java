package dev.paved.api.catalog;

import dev.paved.api.Problems;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The software catalog: entities registered by runs, in Backstage's entity format. */
@RestController
@RequestMapping("/api/v1/catalog/entities")
class CatalogController {

  private final CatalogStore store;

  CatalogController(CatalogStore store) {
    this.store = store;
  }

  @GetMapping
  Map<String, Object> list(
      @RequestParam(required = false) String kind, @RequestParam(required = false) String owner) {
    return Map.of("items", store.list(kind, owner).stream().map(Entity::body).toList());
  }

  @GetMapping("/{kind}/{namespace}/{name}")
  Map<String, Object> get(
      @PathVariable String kind, @PathVariable String namespace, @PathVariable String name) {
    return store
        .find(kind, namespace, name)
        .map(stored -> stored.entity().body())
        .orElseThrow(() -> Problems.notFound("no entity " + kind + ":" + namespace + "/" + name));
  }
}
