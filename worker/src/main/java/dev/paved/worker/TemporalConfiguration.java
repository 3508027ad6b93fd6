package dev.paved.worker;

import dev.paved.activities.support.WorkspaceSync;
import dev.paved.workflows.steps.ActionSurroundings;
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
@EnableConfigurationProperties({
  TemporalProperties.class,
  PavedProperties.class,
  WorkerTuning.class
})
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
    if (temporal.tls().enabled() || temporal.tls().serverName() != null) {
      throw new IllegalStateException(
          "PAVED_TEMPORAL_TLS_* is set but PAVED_TEMPORAL_TARGET is not: TLS is for a Temporal"
              + " cluster; the embedded server speaks plain gRPC on 127.0.0.1");
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
    if (server != null) {
      return WorkflowServiceStubs.newServiceStubs(
          WorkflowServiceStubsOptions.newBuilder()
              .setTarget(server.target())
              .setRpcQueryTimeout(temporal.queryTimeout())
              .build());
    }
    return WorkflowServiceStubs.newServiceStubs(clusterOptions(temporal));
  }

  /** The connection to a cluster: its address and, when configured, TLS. */
  static WorkflowServiceStubsOptions clusterOptions(TemporalProperties temporal) {
    WorkflowServiceStubsOptions.Builder options =
        WorkflowServiceStubsOptions.newBuilder()
            .setTarget(temporal.target().strip())
            .setRpcQueryTimeout(temporal.queryTimeout());
    TemporalTls.apply(temporal.tls(), options);
    log.info(
        "Temporal cluster {} namespace {} ({})",
        temporal.target().strip(),
        temporal.namespace(),
        !temporal.tls().enabled()
            ? "plain gRPC"
            : temporal.tls().mutual() ? "mutual TLS" : "TLS, no client certificate");
    return options.build();
  }

  @Bean
  WorkflowClient workflowClient(WorkflowServiceStubs stubs, TemporalProperties temporal) {
    return WorkflowClient.newInstance(
        stubs, WorkflowClientOptions.newBuilder().setNamespace(temporal.namespace()).build());
  }

  @Bean
  WorkerFactory workerFactory(WorkflowClient client, ObjectProvider<WorkspaceSync> workspaces) {
    // steps run inside the workspace store's sync when workspaces are kept in the database
    WorkspaceSync sync = workspaces.getIfAvailable();
    ActionSurroundings surroundings = sync != null ? sync : ActionSurroundings.NONE;
    return WorkerFactory.newInstance(
        client,
        WorkerFactoryOptions.newBuilder()
            .setWorkerInterceptors(new AttemptInterceptor(surroundings))
            .build());
  }

  @Bean
  WorkerLifecycle workerLifecycle(WorkerFactory factory) {
    return new WorkerLifecycle(factory);
  }
}
