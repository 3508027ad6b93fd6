package dev.paved.api.catalog;

import dev.paved.activities.git.LocalGitRepositories;
import dev.paved.activities.repository.LocalRepositoryHost;
import dev.paved.activities.repository.RepositoryHost;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The catalog's parts: readers per source, validation, ingestion, discovery, and its schedule. */
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
      LocalGitRepositories git,
      Clock clock) {
    List<EntityProvider> providers =
        List.of(
            new LocalGitEntityProvider(git),
            new UrlEntityProvider(source),
            new FileEntityProvider());
    return new CatalogIngestion(store, locations, providers, validator, clock);
  }

  @Bean
  Catalog catalog(
      CatalogStore store,
      CatalogLocations locations,
      CatalogIngestion ingestion,
      Clock clock,
      LocationWorkflows workflows) {
    return new Catalog(store, locations, ingestion, clock, workflows);
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
}
