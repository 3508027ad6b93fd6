package dev.paved.api;

import dev.paved.activities.render.TemplateRenderer;
import dev.paved.activities.repository.RepositoryHost;
import dev.paved.activities.support.WorkspaceStore;
import dev.paved.api.actions.StepProperties;
import dev.paved.api.catalog.CatalogSource;
import dev.paved.api.templates.ExpressionChecker;
import dev.paved.api.templates.SnapshotKeeper;
import dev.paved.api.templates.TemplateRegistry;
import dev.paved.api.templates.TemplateWatcher;
import dev.paved.workflows.access.AccessRecorder;
import dev.paved.workflows.actions.CatalogActivities;
import dev.paved.workflows.audit.AuditTrail;
import dev.paved.workflows.goldenpath.RunRecorder;
import dev.paved.workflows.steps.TaskQueues;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;

/** The API's own beans, and its worker for the activities that need Paved's database. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StepProperties.class)
class ApiConfiguration {

  private static final Logger log = LoggerFactory.getLogger(ApiConfiguration.class);

  /**
   * The data folder and the H2 files in it, its owner's only, before any bean (the database among
   * them) opens a file in it.
   */
  @Bean
  static BeanFactoryPostProcessor ownerOnlyDataFolder(Environment env) {
    Path dataDir = Path.of(env.getProperty("paved.data-dir", "./data"));
    return beanFactory -> DataFolderPermissions.restrict(dataDir);
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /** Template expressions are checked at load with the same sandboxed engine that renders them. */
  @Bean
  ExpressionChecker expressionChecker(TemplateRenderer renderer) {
    return renderer::check;
  }

  /** catalog:register reads entity files from the repositories the runs published. */
  @Bean
  CatalogSource catalogSource(RepositoryHost repositories) {
    return repositories::readFile;
  }

  /** Template snapshots kept where workers on other hosts find them (the workspace store). */
  @Bean
  SnapshotKeeper snapshotKeeper(ObjectProvider<WorkspaceStore> store) {
    return new SnapshotKeeper(store.getIfAvailable());
  }

  /** The templates folder first, then each of {@code paved.template-locations}, in order. */
  @Bean
  TemplateRegistry templateRegistry(
      @Value("${paved.templates-dir:./templates}") Path templatesDir,
      @Value("${paved.data-dir:./data}") Path dataDir,
      ExpressionChecker checker,
      StepProperties steps,
      Environment env,
      SnapshotKeeper keeper) {
    // A YAML list or a comma-separated PAVED_TEMPLATE_LOCATIONS
    List<String> locations =
        Binder.get(env)
            .bind("paved.template-locations", Bindable.listOf(String.class))
            .orElse(List.of());
    return new TemplateRegistry(
        templatesDir,
        locations.stream().filter(l -> !l.isBlank()).toList(),
        dataDir,
        checker,
        steps,
        keeper);
  }

  @Bean(destroyMethod = "close")
  TemplateWatcher templateWatcher(
      TemplateRegistry registry, @Value("${paved.templates-poll-interval:30s}") Duration interval) {
    return new TemplateWatcher(registry, interval);
  }

  /** The API always polls its own queue, even when golden-path workers run elsewhere. */
  @Bean
  Worker apiWorker(
      WorkerFactory factory,
      RunRecorder recorder,
      CatalogActivities catalog,
      AccessRecorder access,
      AuditTrail audit) {
    Worker worker = factory.newWorker(TaskQueues.API);
    worker.registerActivitiesImplementations(recorder, catalog, access, audit);
    return worker;
  }

  /**
   * Once Paved accepts traffic: after every start-up task that readiness waits for (the work on
   * {@code ApplicationReadyEvent}: runs and access requests started again, the catalog read), the
   * moment {@code /actuator/health} answers UP, not before.
   */
  @EventListener
  void ready(AvailabilityChangeEvent<ReadinessState> event) {
    if (event.getState() != ReadinessState.ACCEPTING_TRAFFIC
        || !(event.getSource() instanceof ApplicationContext context)) {
      return;
    }
    Environment env = context.getEnvironment();
    // the files H2 made since the start
    DataFolderPermissions.restrict(Path.of(env.getProperty("paved.data-dir", "./data")));
    String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
    log.info(
        "Paved is ready at http://localhost:{} (portal /, API /api/v1, health /actuator/health,"
            + " OpenAPI /api/v1/openapi)",
        port);
  }
}
