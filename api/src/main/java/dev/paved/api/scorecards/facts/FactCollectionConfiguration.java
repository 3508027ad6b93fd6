package dev.paved.api.scorecards.facts;

import dev.paved.api.catalog.EntityFiles;
import dev.paved.api.scorecards.FactStore;
import dev.paved.workflows.scorecards.FactCollectionWorkflow;
import dev.paved.workflows.scorecards.FactCollectionWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.time.Duration;
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

  @EventListener(ApplicationReadyEvent.class)
  void ready(ApplicationReadyEvent event) {
    event.getApplicationContext().getBean(FactCollection.class).startAll();
  }
}
