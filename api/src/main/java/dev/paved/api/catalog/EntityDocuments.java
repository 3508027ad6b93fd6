package dev.paved.api.catalog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.paved.api.catalog.CatalogLocations.Location;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A location's file as YAML documents, and what ingestion needs to know about them. */
final class EntityDocuments {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private EntityDocuments() {}

  /** The file's non-empty documents; a parse error is added to {@code errors}. */
  static List<Map<String, Object>> of(String text, List<String> errors) {
    List<Map<String, Object>> docs = new ArrayList<>();
    try (JsonParser parser = YAML.getFactory().createParser(text);
        MappingIterator<Map<String, Object>> values =
            YAML.readerForMapOf(Object.class).readValues(parser)) {
      while (values.hasNext()) {
        Map<String, Object> doc = values.next();
        if (doc != null && !doc.isEmpty()) {
          docs.add(new LinkedHashMap<>(doc));
        }
      }
    } catch (IOException | RuntimeException e) {
      errors.add("the file is not valid YAML: " + e.getMessage());
    }
    return docs;
  }

  /** The document's entity ref, when it names one. */
  static Optional<String> refKnown(Map<String, Object> doc) {
    try {
      return Optional.of(Entity.parse(doc).ref());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** {@code <kind> <name>}, for an error message. */
  static String label(Map<String, Object> doc) {
    Object metadata = doc.get("metadata");
    Object name = metadata instanceof Map<?, ?> m ? m.get("name") : null;
    return doc.get("kind") + " " + name;
  }

  /**
   * The location's last read had no errors and the catalog still holds its entities as it wrote
   * them (none orphaned or in error since, none deleted: a delete forgets the location's version).
   */
  static boolean intact(Location location, List<CatalogStore.Stored> stored) {
    return location.errors().isEmpty()
        && !location.missing()
        && stored.stream().allMatch(e -> !e.orphan() && e.errors().isEmpty());
  }

  /**
   * The file is the one last read without errors, and the catalog still holds exactly the entities
   * it emits: processing it again would change nothing.
   */
  static boolean unchanged(
      Location location,
      String hash,
      List<Map<String, Object>> docs,
      List<CatalogStore.Stored> stored) {
    if (!hash.equals(location.contentHash()) || !intact(location, stored)) {
      return false;
    }
    Set<String> emitted = new HashSet<>();
    for (Map<String, Object> doc : docs) {
      Optional<String> ref = refKnown(doc);
      if (ref.isEmpty()) {
        return false;
      }
      emitted.add(ref.get());
    }
    Set<String> held = new HashSet<>();
    stored.forEach(entity -> held.add(entity.ref()));
    return held.equals(emitted);
  }

  /** Another location (or run) manages the stored entity, so this one may not write it. */
  static boolean claimedElsewhere(CatalogStore.Stored stored, Location location) {
    if (stored.locationId() != null) {
      return !stored.locationId().equals(location.id()) && !stored.orphan();
    }
    return stored.serviceKey() != null && !stored.serviceKey().equals(location.serviceKey());
  }

  /** A Location entity's {@code spec.target} and {@code spec.targets}, as written. */
  static List<String> targets(Entity entity) {
    Map<?, ?> spec = entity.body().get("spec") instanceof Map<?, ?> s ? s : Map.of();
    List<String> targets = new ArrayList<>();
    if (spec.get("target") instanceof String target) {
      targets.add(target);
    }
    if (spec.get("targets") instanceof List<?> list) {
      list.forEach(t -> targets.add(String.valueOf(t)));
    }
    return targets;
  }

  /** The type of the locations a Location entity names: its {@code spec.type}, else its own. */
  static String typeOf(Entity entity, Location location) {
    Map<?, ?> spec = entity.body().get("spec") instanceof Map<?, ?> s ? s : Map.of();
    return spec.get("type") instanceof String type ? type : location.type();
  }

  /** The run that registered the location, for a location a run registered. */
  static String runId(Location location) {
    return "run".equals(location.origin()) ? location.createdBy() : null;
  }

  /** The entity with the annotations naming its location and its origin location. */
  static Entity annotated(Entity entity, Location location, String origin) {
    Map<String, Object> body =
        Entity.withAnnotation(entity.body(), CatalogIngestion.MANAGED_BY, location.ref());
    String originRef = location.parentId() == null ? location.ref() : origin;
    return new Entity(Entity.withAnnotation(body, CatalogIngestion.ORIGIN, originRef));
  }
}
