package dev.paved.api.catalog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.paved.api.Hashes;
import dev.paved.api.catalog.CatalogLocations.Location;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a location and brings the catalog in line with it: each valid entity written, each invalid
 * one kept out (its last good version stays) with the error on the location and the entity,
 * Location entities followed to the locations they name, and entities it no longer emits marked
 * orphans.
 */
public class CatalogIngestion {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final int MAX_DEPTH = 5;
  static final String MANAGED_BY = "backstage.io/managed-by-location";
  static final String ORIGIN = "backstage.io/managed-by-origin-location";

  private final CatalogStore store;
  private final CatalogLocations locations;
  private final List<EntityProvider> providers;
  private final EntityValidator validator;
  private final Clock clock;

  CatalogIngestion(
      CatalogStore store,
      CatalogLocations locations,
      List<EntityProvider> providers,
      EntityValidator validator,
      Clock clock) {
    this.store = store;
    this.locations = locations;
    this.providers = providers;
    this.validator = validator;
    this.clock = clock;
  }

  /**
   * What a refresh found: the entities written or kept, and the errors.
   *
   * @param unchanged the file was as at the last good read, so nothing was processed again
   */
  public record Outcome(
      List<Entity> entities, List<String> errors, boolean missing, boolean unchanged) {

    Outcome(List<Entity> entities, List<String> errors, boolean missing) {
      this(entities, errors, missing, false);
    }
  }

  /** Reads the location (and those its Location entities name) and stores what it emits. */
  Outcome refresh(String locationId) {
    Location location = locations.find(locationId).orElseThrow();
    return refresh(location, location.target(), 0, null);
  }

  /**
   * Stores what the location emits from {@code text}, its file as the caller has just read it (a
   * run's register step), rather than reading it a second time; the locations it names are read.
   */
  Outcome refresh(String locationId, String text) {
    Location location = locations.find(locationId).orElseThrow();
    return refresh(location, location.target(), 0, text);
  }

  /** The entities the target emits, validated, without storing anything (a dry run). */
  Outcome preview(String type, String target) {
    Optional<String> text = provider(type, target).read(target);
    if (text.isEmpty()) {
      return new Outcome(List.of(), List.of(type + ":" + target + " does not exist"), true);
    }
    List<Entity> entities = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (Map<String, Object> doc : documents(text.get(), errors)) {
      List<String> problems = validator.problems(doc);
      if (problems.isEmpty()) {
        entities.add(Entity.parse(doc));
      } else {
        errors.add(label(doc) + ": " + String.join("; ", problems));
      }
    }
    return new Outcome(entities, errors, false);
  }

  private Outcome refresh(Location location, String origin, int depth, String alreadyRead) {
    Instant now = clock.instant();
    String by = "location:" + location.ref();
    Optional<String> text;
    try {
      text =
          alreadyRead != null
              ? Optional.of(alreadyRead)
              : provider(location.type(), location.target()).read(location.target());
    } catch (RuntimeException e) {
      String error = location.ref() + " cannot be read: " + e.getMessage();
      locations.refreshed(location.id(), location.contentHash(), false, List.of(error), now);
      return new Outcome(List.of(), List.of(error), false);
    }
    List<Location> children = locations.children(location.id());
    if (text.isEmpty()) {
      if (!location.missing()) {
        store.ofLocation(location.id()).forEach(e -> store.markOrphan(e, by, now));
        children.forEach(child -> forget(child, by, now));
      }
      String error = location.ref() + " does not exist";
      locations.refreshed(location.id(), null, true, List.of(error), now);
      return new Outcome(List.of(), List.of(error), true);
    }
    List<String> errors = new ArrayList<>();
    List<Entity> emitted = new ArrayList<>();
    Set<String> targets = new HashSet<>();
    List<Map<String, Object>> docs = documents(text.get(), errors);
    String hash = Hashes.sha256(text.get());
    List<CatalogStore.Stored> held = store.ofLocation(location.id());
    if (errors.isEmpty() && unchanged(location, hash, docs, held)) {
      // Only the locations its Location entities name may have changed: read those.
      for (Location child : children) {
        refresh(child, origin, depth + 1, null).errors().forEach(errors::add);
      }
      locations.refreshed(location.id(), hash, false, List.of(), now);
      return new Outcome(
          held.stream().map(CatalogStore.Stored::entity).toList(), errors, false, true);
    }
    if (!errors.isEmpty()) {
      // A broken file changes nothing: its last good entities stay, showing why.
      for (CatalogStore.Stored stored : store.ofLocation(location.id())) {
        store.recordErrors(stored.ref(), errors);
      }
      locations.refreshed(location.id(), location.contentHash(), false, errors, now);
      return new Outcome(List.of(), errors, false);
    }
    for (Map<String, Object> doc : docs) {
      List<String> problems = validator.problems(doc);
      Entity entity = problems.isEmpty() ? Entity.parse(doc) : null;
      if (entity != null) {
        WritePolicy.refusal(location, entity).ifPresent(problems::add);
        Optional<CatalogStore.Stored> other =
            store.findByRef(entity.ref()).filter(s -> claimedElsewhere(s, location));
        other.ifPresent(
            s -> problems.add(entity.ref() + " is already managed by another location or run"));
      }
      if (!problems.isEmpty()) {
        String message = label(doc) + ": " + String.join("; ", problems);
        errors.add(message);
        refKnown(doc)
            .flatMap(store::findByRef)
            .filter(s -> location.id().equals(s.locationId()))
            .ifPresent(
                kept -> {
                  store.recordErrors(kept.ref(), List.of(message));
                  emitted.add(kept.entity());
                });
        continue;
      }
      Entity annotated = annotated(entity, location, origin);
      store.write(
          annotated,
          new CatalogStore.Provenance(location.id(), location.serviceKey(), runId(location), by),
          now);
      emitted.add(annotated);
      if ("Location".equals(entity.kind()) && depth < MAX_DEPTH) {
        for (String target : targetsOf(entity, location)) {
          targets.add(target);
          Location child =
              locations
                  .find(typeOf(entity, location), target)
                  .orElseGet(
                      () ->
                          locations.add(
                              typeOf(entity, location),
                              target,
                              "entity",
                              location.trusted(),
                              location.serviceKey(),
                              location.id(),
                              by,
                              now));
          if (location.id().equals(child.parentId())) {
            Outcome inner = refresh(child, origin, depth + 1, null);
            inner.errors().forEach(errors::add);
          }
        }
      }
    }
    Set<String> kept = new HashSet<>();
    emitted.forEach(e -> kept.add(e.ref()));
    for (CatalogStore.Stored stored : store.ofLocation(location.id())) {
      if (!kept.contains(stored.ref())) {
        store.markOrphan(stored, by, now);
      }
    }
    for (Location child : children) {
      if (!targets.contains(child.target())) {
        forget(child, by, now);
      }
    }
    locations.refreshed(location.id(), hash, false, errors, now);
    return new Outcome(emitted, errors, false);
  }

  /**
   * The file is the one last read without errors, and the catalog still holds exactly the entities
   * it emits (none deleted or orphaned since, none with errors): processing it again would change
   * nothing.
   */
  private static boolean unchanged(
      Location location,
      String hash,
      List<Map<String, Object>> docs,
      List<CatalogStore.Stored> stored) {
    if (!hash.equals(location.contentHash())
        || !location.errors().isEmpty()
        || location.missing()) {
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
    for (CatalogStore.Stored entity : stored) {
      if (entity.orphan() || !entity.errors().isEmpty()) {
        return false;
      }
      held.add(entity.ref());
    }
    return held.equals(emitted);
  }

  /** A location is gone: its entities become orphans, and so do those of its children. */
  void forget(Location location, String by, Instant now) {
    store.ofLocation(location.id()).forEach(e -> store.markOrphan(e, by, now));
    locations.children(location.id()).forEach(child -> forget(child, by, now));
    locations.delete(location.id());
  }

  private static boolean claimedElsewhere(CatalogStore.Stored stored, Location location) {
    if (stored.locationId() != null) {
      return !stored.locationId().equals(location.id()) && !stored.orphan();
    }
    return stored.serviceKey() != null && !stored.serviceKey().equals(location.serviceKey());
  }

  private static String runId(Location location) {
    return "run".equals(location.origin()) ? location.createdBy() : null;
  }

  private Entity annotated(Entity entity, Location location, String origin) {
    Map<String, Object> body = Entity.withAnnotation(entity.body(), MANAGED_BY, location.ref());
    String originRef = location.parentId() == null ? location.ref() : origin;
    return new Entity(Entity.withAnnotation(body, ORIGIN, originRef));
  }

  private List<String> targetsOf(Entity entity, Location location) {
    Map<?, ?> spec = entity.body().get("spec") instanceof Map<?, ?> s ? s : Map.of();
    List<String> targets = new ArrayList<>();
    if (spec.get("target") instanceof String target) {
      targets.add(target);
    }
    if (spec.get("targets") instanceof List<?> list) {
      list.forEach(t -> targets.add(String.valueOf(t)));
    }
    EntityProvider provider = provider(typeOf(entity, location), location.target());
    return targets.stream().map(t -> provider.resolve(location.target(), t)).toList();
  }

  private static String typeOf(Entity entity, Location location) {
    Map<?, ?> spec = entity.body().get("spec") instanceof Map<?, ?> s ? s : Map.of();
    return spec.get("type") instanceof String type ? type : location.type();
  }

  EntityProvider provider(String type, String target) {
    return providers.stream()
        .filter(p -> p.reads(type, target))
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("no reader for locations of type '" + type + "'"));
  }

  private static List<Map<String, Object>> documents(String text, List<String> errors) {
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

  private static Optional<String> refKnown(Map<String, Object> doc) {
    try {
      return Optional.of(Entity.parse(doc).ref());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String label(Map<String, Object> doc) {
    Object metadata = doc.get("metadata");
    Object name = metadata instanceof Map<?, ?> m ? m.get("name") : null;
    return doc.get("kind") + " " + name;
  }
}
