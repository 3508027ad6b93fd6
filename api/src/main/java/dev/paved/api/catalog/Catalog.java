package dev.paved.api.catalog;

import dev.paved.api.catalog.CatalogLocations.Location;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The catalog's operations, as the API, the scheduler and {@code catalog:register} use them:
 * register, refresh and forget locations, delete entities, collect old orphans.
 */
public class Catalog {

  private static final Logger log = LoggerFactory.getLogger(Catalog.class);

  private final CatalogStore store;
  private final CatalogLocations locations;
  private final CatalogIngestion ingestion;
  private final Clock clock;
  private final LocationWorkflows workflows;
  private final TransactionOperations transactions;

  Catalog(CatalogStore store, CatalogLocations locations, CatalogIngestion ingestion, Clock clock) {
    this(store, locations, ingestion, clock, LocationWorkflows.NONE);
  }

  Catalog(
      CatalogStore store,
      CatalogLocations locations,
      CatalogIngestion ingestion,
      Clock clock,
      LocationWorkflows workflows) {
    this(store, locations, ingestion, clock, workflows, TransactionOperations.withoutTransaction());
  }

  /** {@code transactions}: what a read made here, without a workflow, runs in. */
  Catalog(
      CatalogStore store,
      CatalogLocations locations,
      CatalogIngestion ingestion,
      Clock clock,
      LocationWorkflows workflows,
      TransactionOperations transactions) {
    this.transactions = transactions;
    this.store = store;
    this.locations = locations;
    this.ingestion = ingestion;
    this.clock = clock;
    this.workflows = workflows;
  }

  /** What registering a location did (or, in a dry run, would do). */
  record Registered(Location location, CatalogIngestion.Outcome outcome, boolean existed) {}

  /**
   * Adds the location and reads it at once. A location already registered is refused with {@link
   * DuplicateLocation} unless {@code dryRun}.
   */
  @Transactional
  public Registered register(
      String type, String target, boolean dryRun, String origin, boolean trusted, String by) {
    Optional<Location> existing = locations.find(type, target);
    if (dryRun) {
      Location preview =
          existing.orElse(
              new Location(
                  "", type, target, origin, trusted, null, null, by, false, null, List.of(), null));
      return new Registered(preview, ingestion.preview(type, target), existing.isPresent());
    }
    if (existing.isPresent()) {
      throw new DuplicateLocation(existing.get());
    }
    Location location =
        locations.add(type, target, origin, trusted, null, null, by, clock.instant());
    workflows.start(location.id());
    return new Registered(location, ingestion.refresh(location.id()), false);
  }

  /** Reads the location again now. */
  @Transactional
  public CatalogIngestion.Outcome refresh(String locationId) {
    return ingestion.refresh(locationId);
  }

  /**
   * One read of the location for its workflow; empty when it is no longer registered. A {@code
   * scheduled} read does not fetch again a file that was gone at its last read.
   */
  @Transactional
  public Optional<CatalogIngestion.Outcome> read(String locationId, boolean scheduled) {
    if (locations.find(locationId).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(ingestion.refresh(locationId, scheduled));
  }

  /**
   * Reads again, now, the location that emits the entity (through its top-level location's
   * workflow, or here when there is none); false when no location emits it.
   */
  public boolean refreshEntity(String ref) {
    Optional<Location> location =
        store.findByRef(ref).map(CatalogStore.Stored::locationId).flatMap(locations::find);
    if (location.isEmpty()) {
      return store.findByRef(ref).map(s -> s.locationId() != null).orElse(false);
    }
    String root = root(location.get()).id();
    if (workflows.refreshNow(root).isEmpty()) {
      transactions.executeWithoutResult(status -> ingestion.refresh(root));
    }
    return true;
  }

  /** A run changed the location's file: its workflow reads it soon (started when not running). */
  public void changed(String locationId) {
    locations.find(locationId).map(this::root).ifPresent(l -> workflows.changed(l.id()));
  }

  /**
   * Every top-level location has its workflow running (those started before are left as they are).
   */
  public void startWorkflows() {
    locations.all().stream()
        .filter(l -> l.parentId() == null)
        .forEach(l -> workflows.start(l.id()));
  }

  private Location root(Location location) {
    Location at = location;
    for (int depth = 0; at.parentId() != null && depth < 10; depth++) {
      Optional<Location> parent = locations.find(at.parentId());
      if (parent.isEmpty()) {
        break;
      }
      at = parent.get();
    }
    return at;
  }

  /** Forgets the location: its entities become orphans. */
  @Transactional
  public boolean deleteLocation(String id, String by) {
    Optional<Location> location = locations.find(id);
    location.ifPresent(l -> ingestion.forget(l, "user:" + by, clock.instant()));
    location.filter(l -> l.parentId() == null).ifPresent(l -> workflows.changed(l.id()));
    return location.isPresent();
  }

  /** Deletes the entity; its location brings it back at its next refresh if it still emits it. */
  @Transactional
  public boolean deleteEntity(String uid, String by) {
    Optional<CatalogStore.Stored> stored = store.findByUid(uid);
    // its location's next read reads the file in full, so it brings the entity back if it emits it
    stored.map(CatalogStore.Stored::locationId).ifPresent(locations::forgetVersion);
    return stored.map(s -> store.delete(s.ref(), "user:" + by, clock.instant())).orElse(false);
  }

  /** Every location, read again; one that fails is logged and the others still read. */
  public void refreshAll() {
    for (Location location : locations.all()) {
      if (location.parentId() != null) {
        continue; // read through its parent
      }
      try {
        ingestion.refresh(location.id());
      } catch (RuntimeException e) {
        log.warn("Catalog location {} not read: {}", location.ref(), e.getMessage());
      }
    }
  }

  /** Deletes orphans older than the grace period (none when it is null: keep). */
  @Transactional
  public int collectOrphans(Duration grace) {
    if (grace == null) {
      return 0;
    }
    Instant now = clock.instant();
    List<String> old = store.orphanedBefore(now.minus(grace));
    old.forEach(ref -> store.delete(ref, "orphan-collector", now));
    return old.size();
  }

  /**
   * The configured locations exist (trusted); nothing is removed when the configuration shrinks.
   */
  @Transactional
  public void ensureConfigured(List<String> configured) {
    for (String entry : configured) {
      String type = entry.startsWith("file:") ? "file" : "url";
      String target =
          entry.startsWith("url:") || entry.startsWith("file:")
              ? entry.substring(entry.indexOf(':') + 1)
              : entry;
      if (!entry.startsWith("url:") && !entry.startsWith("file:") && !entry.contains("://")) {
        type = "file";
      }
      if (locations.find(type, target).isEmpty()) {
        locations.add(type, target, "config", true, null, null, "config", clock.instant());
      }
    }
  }

  /** A location that is registered already (Backstage answers 409). */
  static final class DuplicateLocation extends RuntimeException {
    final transient Location location;

    DuplicateLocation(Location location) {
      super("Location " + location.ref() + " already exists");
      this.location = location;
    }
  }
}
