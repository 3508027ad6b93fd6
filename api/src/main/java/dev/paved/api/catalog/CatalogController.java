package dev.paved.api.catalog;

import dev.paved.api.Items;
import dev.paved.api.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
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
  private final EntityQueries queries;
  private final EntityOverview overview;

  CatalogController(CatalogStore store, EntityQueries queries, EntityOverview overview) {
    this.store = store;
    this.queries = queries;
    this.overview = overview;
  }

  /** Filters by kind, owner, lifecycle, tag, and text in the name or title. */
  @Operation(summary = "List catalog entities, by kind, owner, lifecycle, tag and text")
  @GetMapping
  Items<Map<String, Object>> list(
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String owner,
      @RequestParam(required = false) String lifecycle,
      @RequestParam(required = false) String tag,
      @RequestParam(required = false) String text) {
    if (lifecycle == null && tag == null && text == null) {
      return new Items<>(store.list(kind, owner).stream().map(Entity::body).toList());
    }
    List<String> conditions = new ArrayList<>();
    if (kind != null) {
      conditions.add("kind=" + kind);
    }
    if (owner != null) {
      conditions.add("relations.ownedBy=" + Entity.groupRef(owner));
    }
    if (lifecycle != null) {
      conditions.add("spec.lifecycle=" + lifecycle);
    }
    if (tag != null) {
      conditions.add("metadata.tags=" + tag);
    }
    var page =
        queries.query(
            new EntityQueries.Query(
                conditions.isEmpty() ? List.of() : List.of(String.join(",", conditions)),
                "metadata.name",
                false,
                text,
                text == null ? List.of() : List.of("metadata.name", "metadata.title"),
                10_000,
                0));
    return new Items<>(page.items().stream().map(s -> s.entity().body()).toList());
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

  /**
   * The entity page's data in one read: the entity, its owner with members and on-call, links from
   * its annotations, its relations as a graph to {@code depth} hops (both directions, at most
   * {@value EntityOverview#MAX_DEPTH}), its provided and consumed APIs with their definitions, and
   * the runs and access requests that concern it.
   */
  @Operation(
      summary =
          "An entity's page: owner with members and on-call, links, relations graph, APIs, runs"
              + " and access requests")
  @ApiResponse(responseCode = "200", description = "the entity's overview")
  @ApiResponse(responseCode = "404", description = "no such entity")
  @GetMapping("/{kind}/{namespace}/{name}/overview")
  Map<String, Object> overview(
      @PathVariable String kind,
      @PathVariable String namespace,
      @PathVariable String name,
      @RequestParam(defaultValue = "1") int depth) {
    return overview
        .of(new EntityRef(kind, namespace, name), depth)
        .orElseThrow(() -> Problems.notFound("no entity " + kind + ":" + namespace + "/" + name));
  }
}
