package dev.paved.api.catalog;

import dev.paved.workflows.catalog.LocationWorkflow;
import dev.paved.workflows.catalog.LocationWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The locations' workflows: the API polls the catalog's task queue ({@link
 * LocationWorkflow#TASK_QUEUE}) itself, next to the database its reads write to, whether or not
 * golden-path workers run elsewhere.
 */
@Configuration(proxyBeanMethods = false)
class CatalogProcessingConfiguration {

  @Bean
  LocationWorkflows locationWorkflows(WorkflowClient client, CatalogProperties properties) {
    return new LocationWorkflows(client, properties.refreshInterval());
  }

  @Bean
  Worker catalogWorker(WorkerFactory factory, Catalog catalog, CatalogProperties properties) {
    Worker worker = factory.newWorker(LocationWorkflow.TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(LocationWorkflowImpl.class);
    worker.registerActivitiesImplementations(new LocationActivitiesImpl(catalog, properties));
    return worker;
  }
}
