package dev.paved.api.catalog;

import dev.paved.activities.git.LocalGitRepositories;
import dev.paved.activities.github.GithubConnection;
import dev.paved.activities.repository.LocalRepositoryHost;
import dev.paved.activities.repository.RepositoryHost;
import dev.paved.worker.github.GithubProperties;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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
      CatalogGithub github,
      Clock clock) {
    List<EntityProvider> providers = new ArrayList<>();
    providers.add(new LocalGitEntityProvider(git));
    if (github.api() != null) {
      providers.add(new GithubEntityProvider(github.api()));
      providers.add(new GithubOrgEntityProvider(github.api()));
    }
    providers.add(new UrlEntityProvider(source));
    providers.add(new FileEntityProvider());
    return new CatalogIngestion(store, locations, providers, validator, clock);
  }

  @Bean
  Catalog catalog(
      CatalogStore store,
      CatalogLocations locations,
      CatalogIngestion ingestion,
      Clock clock,
      LocationWorkflows workflows,
      PlatformTransactionManager transactions) {
    return new Catalog(
        store, locations, ingestion, clock, workflows, new TransactionTemplate(transactions));
  }

  /**
   * The catalog's GitHub reader (conditional requests), when Paved publishes to GitHub with a
   * token; none otherwise (a GitHub App's files are then read through the repository host, in full
   * each time, and organisation discovery is off).
   */
  @Bean
  CatalogGithub catalogGithub(
      ObjectProvider<GithubConnection> connection,
      GithubProperties github,
      CatalogProperties props) {
    GithubConnection gh = connection.getIfAvailable();
    if (gh == null) {
      return new CatalogGithub(null);
    }
    if (github.token() == null || github.token().isBlank()) {
      if (props.githubOrg() != null) {
        log.warn("Catalog discovery in a GitHub organisation needs PAVED_GITHUB_TOKEN; it is off");
      }
      return new CatalogGithub(null);
    }
    return new CatalogGithub(new GithubCatalogApi(gh.apiUrl(), gh.webUrl(), github.token()));
  }

  /** The catalog's GitHub reader, or null. */
  record CatalogGithub(GithubCatalogApi api) {}

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
      CatalogGithub github,
      Clock clock,
      Environment env) {
    List<LocationDiscovery> discoveries = new ArrayList<>();
    if (github.api() != null && props.githubOrg() != null) {
      discoveries.add(new GithubDiscovery(github.api(), props.githubOrg(), locations, clock));
    }
    String cluster = env.getProperty("paved.temporal.target");
    boolean wanted =
        props.discovery() != null ? props.discovery() : cluster == null || cluster.isBlank();
    if (wanted && !(host instanceof LocalRepositoryHost)) {
      if (Boolean.TRUE.equals(props.discovery())) {
        log.warn("Catalog discovery is for local git hosting; repositories are hosted elsewhere");
      }
      wanted = false;
    }
    if (wanted) {
      discoveries.add(new CatalogDiscovery(git, locations, clock));
    }
    return new CatalogDiscoveryOption(List.copyOf(discoveries));
  }

  /** The discoveries that are on (none, the local git folder's, a GitHub organisation's). */
  record CatalogDiscoveryOption(List<LocationDiscovery> discoveries) {}

  @Bean(destroyMethod = "close")
  CatalogSchedule catalogSchedule(
      Catalog catalog,
      CatalogStore store,
      CatalogProperties props,
      CatalogDiscoveryOption discovery) {
    return new CatalogSchedule(catalog, store, props, discovery.discoveries());
  }
}
