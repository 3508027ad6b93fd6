package dev.paved.api.catalog;

import dev.paved.api.catalog.CatalogLocations.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A file's documents made entities: {@code $text} placeholders read through the location's
 * provider, Backstage's schemas, and the write policy of the location that emits them.
 */
final class EntityChecks {

  private final List<EntityProvider> providers;
  private final EntityValidator validator;

  EntityChecks(List<EntityProvider> providers, EntityValidator validator) {
    this.providers = providers;
    this.validator = validator;
  }

  /** The entities the target emits, validated, without storing anything (a dry run). */
  CatalogIngestion.Outcome preview(String type, String target) {
    Optional<String> text = provider(type, target).read(target);
    if (text.isEmpty()) {
      return new CatalogIngestion.Outcome(
          List.of(), List.of(type + ":" + target + " does not exist"), true);
    }
    List<Entity> entities = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (Checked c : check(type, target, null, EntityDocuments.of(text.get(), errors))) {
      if (c.problems().isEmpty()) {
        entities.add(c.entity());
      } else {
        errors.add(EntityDocuments.label(c.doc()) + ": " + String.join("; ", c.problems()));
      }
    }
    return new CatalogIngestion.Outcome(entities, errors, false);
  }

  /** A document of a file, read ({@code $text}), and checked: its entity, or null, and problems. */
  record Checked(Map<String, Object> doc, Entity entity, List<String> problems) {}

  /** {@code location}: the location whose write policy applies; null for none (a dry run). */
  List<Checked> check(
      String type, String target, Location location, List<Map<String, Object>> docs) {
    EntityProvider provider = provider(type, target);
    List<Checked> checked = new ArrayList<>();
    for (Map<String, Object> written : docs) {
      List<String> problems = new ArrayList<>();
      Map<String, Object> doc = Placeholders.read(written, provider, target, problems);
      problems.addAll(validator.problems(doc));
      Entity entity = problems.isEmpty() ? Entity.parse(doc) : null;
      if (entity != null && location != null) {
        WritePolicy.refusal(location, entity).ifPresent(problems::add);
      }
      checked.add(new Checked(doc, entity, problems));
    }
    return checked;
  }

  EntityProvider provider(String type, String target) {
    return providers.stream()
        .filter(p -> p.reads(type, target))
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("no reader for locations of type '" + type + "'"));
  }
}
