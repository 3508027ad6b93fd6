package dev.paved.api.catalog;

import dev.paved.api.Hashes;
import dev.paved.api.catalog.CatalogLocations.Location;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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

  private static final int MAX_DEPTH = 5;
  static final String MANAGED_BY = "backstage.io/managed-by-location";
  static final String ORIGIN = "backstage.io/managed-by-origin-location";

  private final CatalogStore store;
  private final CatalogLocations locations;
  private final EntityChecks checks;
  private final Clock clock;

  CatalogIngestion(
      CatalogStore store,
      CatalogLocations locations,
      List<EntityProvider> providers,
      EntityValidator validator,
      Clock clock) {
    this.store = store;
    this.locations = locations;
    this.checks = new EntityChecks(providers, validator);
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
    return refresh(locationId, false);
  }

  /**
   * As {@link #refresh(String)}; on a {@code scheduled} turn a location whose file was gone at its
   * last read is not fetched again (it was reported once; an explicit refresh reads it).
   */
  Outcome refresh(String locationId, boolean scheduled) {
    Location location = locations.find(locationId).orElseThrow();
    return refresh(location, location.target(), 0, null, scheduled);
  }

  /**
   * Stores what the location emits from {@code text}, its file as the caller has just read it (a
   * run's register step), rather than reading it a second time; the locations it names are read.
   */
  Outcome refresh(String locationId, String text) {
    Location location = locations.find(locationId).orElseThrow();
    return refresh(location, location.target(), 0, text, false);
  }

  /** The entities the target emits, validated, without storing anything (a dry run). */
  Outcome preview(String type, String target) {
    return checks.preview(type, target);
  }

  private Outcome refresh(
      Location location, String origin, int depth, String alreadyRead, boolean scheduled) {
    Instant now = clock.instant();
    String by = "location:" + location.ref();
    if (scheduled && location.missing()) {
      return new Outcome(List.of(), location.errors(), true, true);
    }
    List<CatalogStore.Stored> held = store.ofLocation(location.id());
    EntityProvider.Read read;
    try {
      read =
          alreadyRead != null
              ? EntityProvider.Read.of(Optional.of(alreadyRead))
              : read(location, held);
    } catch (RuntimeException e) {
      String error = location.ref() + " cannot be read: " + e.getMessage();
      locations.refreshed(location.id(), location.contentHash(), null, false, List.of(error), now);
      return new Outcome(List.of(), List.of(error), false);
    }
    List<Location> children = locations.children(location.id());
    if (read.notModified()) {
      return unchanged(location, origin, depth, held, children, location.contentHash(), read, now);
    }
    Optional<String> text = read.text();
    if (text.isEmpty()) {
      if (!location.missing()) {
        store.markOrphans(held, by, now);
        children.forEach(child -> forget(child, by, now));
      }
      String error = location.ref() + " does not exist";
      locations.refreshed(location.id(), null, null, true, List.of(error), now);
      return new Outcome(List.of(), List.of(error), true);
    }
    List<String> errors = new ArrayList<>();
    List<Map<String, Object>> docs = EntityDocuments.of(text.get(), errors);
    String hash = Hashes.sha256(text.get());
    // a file with $text placeholders is processed at every read: the files they name may change
    boolean placeholders = Placeholders.mentioned(text.get());
    if (errors.isEmpty()
        && !placeholders
        && EntityDocuments.unchanged(location, hash, docs, held)) {
      return unchanged(location, origin, depth, held, children, hash, read, now);
    }
    if (!errors.isEmpty()) {
      // A broken file changes nothing: its last good entities stay, showing why.
      for (CatalogStore.Stored stored : held) {
        store.recordErrors(stored.ref(), errors);
      }
      locations.refreshed(location.id(), location.contentHash(), null, false, errors, now);
      return new Outcome(List.of(), errors, false);
    }
    String version = placeholders ? null : read.version();
    return apply(location, origin, depth, docs, children, hash, version, now);
  }

  /** The file at its source's version, unless that is the last one read and nothing was lost. */
  private EntityProvider.Read read(Location location, List<CatalogStore.Stored> held) {
    EntityProvider provider = provider(location.type(), location.target());
    boolean skippable = location.readVersion() != null && EntityDocuments.intact(location, held);
    return provider.read(location.target(), skippable ? location.readVersion() : null);
  }

  /** Nothing to process again: only the locations its Location entities name may have changed. */
  private Outcome unchanged(
      Location location,
      String origin,
      int depth,
      List<CatalogStore.Stored> held,
      List<Location> children,
      String hash,
      EntityProvider.Read read,
      Instant now) {
    List<String> errors = new ArrayList<>();
    for (Location child : children) {
      refresh(child, origin, depth + 1, null, false).errors().forEach(errors::add);
    }
    locations.refreshed(location.id(), hash, read.version(), false, List.of(), now);
    return new Outcome(
        held.stream().map(CatalogStore.Stored::entity).toList(), errors, false, true);
  }

  /** Writes the valid entities of a file, follows its Location entities, marks orphans. */
  private Outcome apply(
      Location location,
      String origin,
      int depth,
      List<Map<String, Object>> docs,
      List<Location> children,
      String hash,
      String version,
      Instant now) {
    String by = "location:" + location.ref();
    List<String> errors = new ArrayList<>();
    List<Entity> emitted = new ArrayList<>();
    Set<String> targets = new HashSet<>();
    List<EntityChecks.Checked> checked =
        checks.check(location.type(), location.target(), location, docs);
    // what the catalog holds of them, in one read: whether another location manages one
    Map<String, CatalogStore.Stored> known = new HashMap<>();
    store
        .findByRefs(
            checked.stream()
                .filter(c -> c.entity() != null)
                .map(c -> c.entity().ref())
                .distinct()
                .toList())
        .forEach(s -> known.put(s.ref(), s));
    List<Entity> toWrite = new ArrayList<>();
    List<Entity> locationEntities = new ArrayList<>();
    for (EntityChecks.Checked c : checked) {
      Map<String, Object> doc = c.doc();
      List<String> problems = c.problems();
      Entity entity = c.entity();
      if (entity != null) {
        CatalogStore.Stored other = known.get(entity.ref());
        if (other != null && EntityDocuments.claimedElsewhere(other, location)) {
          problems.add(entity.ref() + " is already managed by another location or run");
        }
      }
      if (!problems.isEmpty()) {
        String message = EntityDocuments.label(doc) + ": " + String.join("; ", problems);
        errors.add(message);
        EntityDocuments.refKnown(doc)
            .flatMap(store::findByRef)
            .filter(s -> location.id().equals(s.locationId()))
            .ifPresent(
                kept -> {
                  store.recordErrors(kept.ref(), List.of(message));
                  emitted.add(kept.entity());
                });
        continue;
      }
      Entity annotated = EntityDocuments.annotated(entity, location, origin);
      toWrite.add(annotated);
      emitted.add(annotated);
      if ("Location".equals(entity.kind()) && depth < MAX_DEPTH) {
        locationEntities.add(entity);
      }
    }
    store.writeAll(
        toWrite,
        new CatalogStore.Provenance(
            location.id(), location.serviceKey(), EntityDocuments.runId(location), by),
        now);
    for (Entity entity : locationEntities) {
      for (String target : targetsOf(entity, location)) {
        targets.add(target);
        Location child =
            locations
                .find(EntityDocuments.typeOf(entity, location), target)
                .orElseGet(
                    () ->
                        locations.add(
                            EntityDocuments.typeOf(entity, location),
                            target,
                            "entity",
                            location.trusted(),
                            location.serviceKey(),
                            location.id(),
                            by,
                            now));
        if (location.id().equals(child.parentId())) {
          Outcome inner = refresh(child, origin, depth + 1, null, false);
          inner.errors().forEach(errors::add);
        }
      }
    }
    Set<String> kept = new HashSet<>();
    emitted.forEach(e -> kept.add(e.ref()));
    store.markOrphans(
        store.ofLocation(location.id()).stream().filter(s -> !kept.contains(s.ref())).toList(),
        by,
        now);
    for (Location child : children) {
      if (!targets.contains(child.target())) {
        forget(child, by, now);
      }
    }
    locations.refreshed(location.id(), hash, version, false, errors, now);
    return new Outcome(emitted, errors, false);
  }

  /** A location is gone: its entities become orphans, and so do those of its children. */
  void forget(Location location, String by, Instant now) {
    store.markOrphans(store.ofLocation(location.id()), by, now);
    locations.children(location.id()).forEach(child -> forget(child, by, now));
    locations.delete(location.id());
  }

  private List<String> targetsOf(Entity entity, Location location) {
    List<String> targets = EntityDocuments.targets(entity);
    EntityProvider provider = provider(EntityDocuments.typeOf(entity, location), location.target());
    return targets.stream().map(t -> provider.resolve(location.target(), t)).toList();
  }

  EntityProvider provider(String type, String target) {
    return checks.provider(type, target);
  }
}
