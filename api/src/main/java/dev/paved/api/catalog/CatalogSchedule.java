package dev.paved.api.catalog;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * At start: index entities stored before, add the configured locations and the discovered ones,
 * read them all (so the catalog is whole when Paved says it is ready), and start each location's
 * workflow, which keeps it current from then on. Then every {@code refresh-interval} (jittered by
 * up to a tenth): discover again, start the workflows of new locations, collect old orphans. An
 * interval of 0 turns this timer off (the workflows then read only when asked).
 */
class CatalogSchedule implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(CatalogSchedule.class);

  private final Catalog catalog;
  private final CatalogStore store;
  private final CatalogProperties properties;
  private final List<LocationDiscovery> discoveries;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "catalog-refresh");
            thread.setDaemon(true);
            return thread;
          });

  CatalogSchedule(
      Catalog catalog,
      CatalogStore store,
      CatalogProperties properties,
      List<LocationDiscovery> discoveries) {
    this.catalog = catalog;
    this.store = store;
    this.properties = properties;
    this.discoveries = discoveries;
  }

  /** Registers the discovered locations not known yet (none when discovery is off). */
  void discover() {
    for (LocationDiscovery discovery : discoveries) {
      try {
        discovery.discover();
      } catch (RuntimeException e) {
        log.warn("Catalog discovery failed this turn: {}", e.getMessage());
      }
    }
  }

  @EventListener(ApplicationReadyEvent.class)
  void onReady() {
    int indexed = store.indexUnindexed(Instant.now());
    if (indexed > 0) {
      log.info("Catalog: indexed {} entities registered before", indexed);
    }
    catalog.ensureConfigured(properties.locations());
    discover();
    catalog.refreshAll();
    catalog.startWorkflows();
    Duration interval = properties.refreshInterval();
    if (!interval.isZero() && !interval.isNegative()) {
      long millis = interval.toMillis();
      long jitter = ThreadLocalRandom.current().nextLong(Math.max(1, millis / 10));
      timer.scheduleWithFixedDelay(this::turn, millis + jitter, millis, TimeUnit.MILLISECONDS);
    }
  }

  private void turn() {
    try {
      discover();
      catalog.startWorkflows();
      catalog.collectOrphans(properties.orphanGraceDuration());
    } catch (RuntimeException e) {
      log.warn("Catalog not refreshed this turn: {}", e.getMessage());
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
