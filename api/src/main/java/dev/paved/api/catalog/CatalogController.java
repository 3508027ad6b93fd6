package dev.paved.api.catalog;

import dev.paved.api.Items;
import dev.paved.api.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The software catalog: entities registered by runs, in Backstage's entity format. */
@Tag(name = "Catalog", description = "Entities in Backstage's format")
@RestController
@RequestMapping("/api/v1/catalog/entities")
class CatalogController {

  private final CatalogStore store;

  CatalogController(CatalogStore store) {
    this.store = store;
  }

  @Operation(summary = "List catalog entities, by kind and owner")
  @GetMapping
  Items<Map<String, Object>> list(
      @RequestParam(required = false) String kind, @RequestParam(required = false) String owner) {
    return new Items<>(store.list(kind, owner).stream().map(Entity::body).toList());
  }

  @Operation(summary = "Read a catalog entity")
  @ApiResponse(responseCode = "200", description = "the entity")
  @ApiResponse(responseCode = "404", description = "no such entity")
  @GetMapping("/{kind}/{namespace}/{name}")
  Map<String, Object> get(
      @PathVariable String kind, @PathVariable String namespace, @PathVariable String name) {
    return store
        .find(kind, namespace, name)
        .map(stored -> stored.entity().body())
        .orElseThrow(() -> Problems.notFound("no entity " + kind + ":" + namespace + "/" + name));
  }
}
