package dev.paved.api.scorecards.facts;

import dev.paved.api.catalog.EntityFiles;
import dev.paved.api.scorecards.FactStore;
import dev.paved.workflows.scorecards.FactCollectionWorkflow;
import dev.paved.workflows.scorecards.FactCollectionWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The collectors' workflows: the API polls the scorecards' task queue ({@link
 * FactCollectionWorkflow#TASK_QUEUE}) itself, next to the catalog and the fact store, and starts
 * each collector's workflow once it is ready.
 */
@Configuration(proxyBeanMethods = false)
class FactCollectionConfiguration {

  private static final Logger log = LoggerFactory.getLogger(FactCollectionConfiguration.class);

  @Bean
  FactCollection factCollection(
      WorkflowClient client,
      FactCollectors collectors,
      @Value("${paved.scorecards.collect-every:1h}") Duration every) {
    return new FactCollection(client, collectors, every);
  }

  @Bean
  Worker scorecardsWorker(
      WorkerFactory factory,
      FactCollectors collectors,
      EntityFiles catalog,
      ObjectProvider<FactStore> store) {
    Worker worker = factory.newWorker(FactCollectionWorkflow.TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(FactCollectionWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new FactCollectionActivitiesImpl(collectors, catalog, store));
    return worker;
  }

  /**
   * Off the start's path: readiness does not wait for the collectors (their workflows collect in
   * the background anyway, and a request starts a collector's workflow that does not run yet).
   */
  @EventListener(ApplicationReadyEvent.class)
  void ready(ApplicationReadyEvent event) {
    FactCollection collection = event.getApplicationContext().getBean(FactCollection.class);
    Thread start =
        new Thread(
            () -> {
              try {
                collection.startAll();
              } catch (RuntimeException e) {
                log.warn("Fact collectors' workflows not started: {}", e.toString());
              }
            },
            "fact-collectors-start");
    start.setDaemon(true);
    start.start();
  }
}
