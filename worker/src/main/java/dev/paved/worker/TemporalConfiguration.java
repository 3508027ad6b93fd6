package dev.paved.worker;

import dev.paved.workflows.steps.AttemptInterceptor;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Temporal connection: the embedded server in local mode, or a cluster's address. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({TemporalProperties.class, PavedProperties.class})
public class TemporalConfiguration {

  private static final Logger log = LoggerFactory.getLogger(TemporalConfiguration.class);

  @Bean(destroyMethod = "close")
  @ConditionalOnExpression("'${paved.temporal.target:}'.isBlank()")
  EmbeddedTemporalServer embeddedTemporalServer(
      TemporalProperties temporal,
      @Value("${paved.temporal.embedded-allowed:true}") boolean allowed) {
    if (!allowed) {
      throw new IllegalStateException(
          "PAVED_TEMPORAL_TARGET is not set: a worker process needs the address of a Temporal"
              + " service (for example 127.0.0.1:7233, the embedded server of ./paved up)");
    }
    EmbeddedTemporalServer server = EmbeddedTemporalServer.start(temporal.port());
    log.info(
        "Embedded Temporal server on {} (local mode: its state lives in memory)", server.target());
    return server;
  }

  @Bean(destroyMethod = "shutdown")
  WorkflowServiceStubs workflowServiceStubs(
      TemporalProperties temporal, ObjectProvider<EmbeddedTemporalServer> embedded) {
    EmbeddedTemporalServer server = embedded.getIfAvailable();
    String target = server != null ? server.target() : temporal.target();
    return WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
  }

  @Bean
  WorkflowClient workflowClient(WorkflowServiceStubs stubs, TemporalProperties temporal) {
    return WorkflowClient.newInstance(
        stubs, WorkflowClientOptions.newBuilder().setNamespace(temporal.namespace()).build());
  }

  @Bean
  WorkerFactory workerFactory(WorkflowClient client) {
    return WorkerFactory.newInstance(
        client,
        WorkerFactoryOptions.newBuilder().setWorkerInterceptors(new AttemptInterceptor()).build());
  }

  @Bean
  WorkerLifecycle workerLifecycle(WorkerFactory factory) {
    return new WorkerLifecycle(factory);
  }
}
