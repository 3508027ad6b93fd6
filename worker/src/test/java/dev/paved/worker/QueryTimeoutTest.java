package dev.paved.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A query that no worker answers fails after {@code paved.temporal.query-timeout}, retries
 * included, so the API falls back to its own record instead of holding the caller for the SDK's
 * minute of retries.
 */
class QueryTimeoutTest {

  @Test
  void theConfiguredTimeoutReachesBothKindsOfStubs() {
    TemporalProperties cluster = properties("127.0.0.1:1", Duration.ofMillis(1500));
    assertThat(TemporalConfiguration.clusterOptions(cluster).getRpcQueryTimeout())
        .isEqualTo(Duration.ofMillis(1500));
    assertThat(properties(null, null).queryTimeout())
        .isEqualTo(TemporalProperties.DEFAULT_QUERY_TIMEOUT);
  }

  @Test
  void aQueryThatNoWorkerAnswersFailsInsteadOfWaiting() {
    try (EmbeddedTemporalServer server = EmbeddedTemporalServer.start(0)) {
      TemporalProperties properties = properties(server.target(), Duration.ofSeconds(1));
      WorkflowServiceStubs stubs =
          WorkflowServiceStubs.newServiceStubs(TemporalConfiguration.clusterOptions(properties));
      try {
        WorkflowClient client =
            WorkflowClient.newInstance(
                stubs, WorkflowClientOptions.newBuilder().setNamespace("default").build());
        WorkflowStub run =
            client.newUntypedWorkflowStub(
                "GoldenPathWorkflow",
                WorkflowOptions.newBuilder()
                    .setWorkflowId("query-timeout-" + System.nanoTime())
                    .setTaskQueue("no-worker-polls-this")
                    .build());
        run.start();

        // the whole query, its retries included, ends at the deadline
        assertThatThrownBy(
                () ->
                    QueryDeadline.within(
                        properties.queryTimeout(), () -> run.query("progress", String.class)))
            .hasStackTraceContaining("DEADLINE_EXCEEDED");
      } finally {
        stubs.shutdownNow();
      }
    }
  }

  private static TemporalProperties properties(String target, Duration queryTimeout) {
    return new TemporalProperties(target, 0, "default", null, null, queryTimeout);
  }
}
