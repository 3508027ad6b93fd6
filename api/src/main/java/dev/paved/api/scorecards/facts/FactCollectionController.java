package dev.paved.api.scorecards.facts;

import dev.paved.api.Problems;
import dev.paved.api.catalog.EntityFiles;
import dev.paved.api.catalog.EntityRef;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Collecting facts now, rather than at the collectors' next scheduled turn. */
@Tag(name = "Scorecards", description = "Entities graded against the platform's standards")
@RestController
class FactCollectionController {

  /**
   * What to collect.
   *
   * @param entity an entity ref ({@code component:default/payments}, or {@code payments} for a
   *     Component of the default namespace); null for every entity
   * @param collector a collector's id; null for every collector
   */
  record CollectRequest(String entity, String collector) {}

  private final FactCollection collection;
  private final FactCollectors collectors;
  private final EntityFiles catalog;

  FactCollectionController(
      FactCollection collection, FactCollectors collectors, EntityFiles catalog) {
    this.collection = collection;
    this.collectors = collectors;
    this.catalog = catalog;
  }

  @Operation(summary = "Collect facts now, for one entity or all, by one collector or all")
  @PostMapping("/api/v1/scorecards/facts/collect")
  @ResponseStatus(HttpStatus.ACCEPTED)
  Map<String, Object> collect(@RequestBody(required = false) Map<String, Object> body) {
    CollectRequest request = request(body == null ? Map.of() : body);
    String collector = request.collector();
    if (collector != null && collectors.find(collector).isEmpty()) {
      throw Problems.invalid(
          "no fact collector " + Problems.echo(collector), Map.of("collectors", collectors.ids()));
    }
    String entity = request.entity();
    if (entity != null) {
      String ref;
      try {
        ref = EntityRef.parse(entity, "component", "default").toString();
      } catch (IllegalArgumentException e) {
        throw Problems.invalid("not an entity ref: " + Problems.echo(entity), Map.of());
      }
      if (catalog.entity(ref).isEmpty()) {
        throw Problems.invalid("no entity " + ref + " in the catalog", Map.of());
      }
      entity = ref;
    }
    collection.request(entity, collector);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("entity", entity);
    answer.put("collectors", collector == null ? collectors.ids() : java.util.List.of(collector));
    return answer;
  }

  /** Only {@code entity} and {@code collector}, each left out or a non-blank string. */
  private static CollectRequest request(Map<String, Object> body) {
    for (Map.Entry<String, Object> field : body.entrySet()) {
      if (!field.getKey().equals("entity") && !field.getKey().equals("collector")) {
        throw Problems.invalid(
            "unknown field " + Problems.echo(field.getKey()) + " (entity, collector)", Map.of());
      }
      if (!(field.getValue() instanceof String value) || value.isBlank()) {
        throw Problems.invalid(
            field.getKey() + " must be a non-empty string, or left out", Map.of());
      }
    }
    return new CollectRequest(
        body.get("entity") instanceof String e ? e.strip() : null,
        body.get("collector") instanceof String c ? c.strip() : null);
  }
}
