package dev.paved.api.catalog;

import dev.paved.activities.git.LocalGitRepositories;
import dev.paved.activities.repository.LocalRepositoryHost;
import dev.paved.activities.repository.RepositoryHost;
import java.time.Clock;
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
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;

/** The catalog's parts: readers per source, validation, ingestion, and its schedule. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CatalogProperties.class)
class CatalogConfiguration {

  private static final Logger log = LoggerFactory.getLogger(CatalogConfiguration.class);

  @Bean
  EntityValidator entityValidator() {
    return new EntityValidator();
  }

  @Bean
  CatalogIngestion catalogIngestion(
      CatalogStore store,
      CatalogLocations locations,
      CatalogSource source,
      EntityValidator validator,
      Clock clock) {
    List<EntityProvider> providers =
        List.of(new UrlEntityProvider(source), new FileEntityProvider());
    return new CatalogIngestion(store, locations, providers, validator, clock);
  }

  @Bean
  Catalog catalog(
      CatalogStore store, CatalogLocations locations, CatalogIngestion ingestion, Clock clock) {
    return new Catalog(store, locations, ingestion, clock);
  }

  /**
   * Discovery in local mode's git folder: on when {@code paved.catalog.discovery} says so, or,
   * unset, in local mode (no Temporal cluster); never when repositories are hosted elsewhere
   * (GitHub), as the folder's locations could not be read there.
   */
  @Bean
  CatalogDiscoveryOption catalogDiscovery(
      CatalogProperties props,
      LocalGitRepositories git,
      RepositoryHost host,
      CatalogLocations locations,
      Clock clock,
      Environment env) {
    String cluster = env.getProperty("paved.temporal.target");
    boolean wanted =
        props.discovery() != null ? props.discovery() : cluster == null || cluster.isBlank();
    if (wanted && !(host instanceof LocalRepositoryHost)) {
      if (Boolean.TRUE.equals(props.discovery())) {
        log.warn("Catalog discovery is for local git hosting; repositories are hosted elsewhere");
      }
      wanted = false;
    }
    return new CatalogDiscoveryOption(wanted ? new CatalogDiscovery(git, locations, clock) : null);
  }

  /** The discovery, or null when it is off. */
  record CatalogDiscoveryOption(CatalogDiscovery discovery) {}

  @Bean(destroyMethod = "close")
  CatalogSchedule catalogSchedule(
      Catalog catalog,
      CatalogStore store,
      CatalogProperties props,
      CatalogDiscoveryOption discovery) {
    return new CatalogSchedule(catalog, store, props, discovery.discovery());
  }

  /**
   * At start: index entities stored before, add the configured locations, read them all; then every
   * {@code refresh-interval} (jittered by up to a tenth), read them again and collect old orphans.
   * An interval of 0 turns the schedule off.
   */
  static class CatalogSchedule implements AutoCloseable {
    private final Catalog catalog;
    private final CatalogStore store;
    private final CatalogProperties properties;
    private final CatalogDiscovery discovery;
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
        CatalogDiscovery discovery) {
      this.catalog = catalog;
      this.store = store;
      this.properties = properties;
      this.discovery = discovery;
    }

    /** Registers the discovered locations not known yet (none when discovery is off). */
    void discover() {
      if (discovery != null) {
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
        catalog.refreshAll();
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
}
