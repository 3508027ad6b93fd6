package dev.paved.workflows;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A time-skipping Temporal test environment, held by a test as a {@code @RegisterExtension} field
 * (closed after each test) or in a try-with-resources block.
 */
public abstract class TemporalHarness implements AutoCloseable, AfterEachCallback {

  public final TestWorkflowEnvironment env;

  /** Recorded histories name this worker identity, not the machine that recorded them. */
  protected TemporalHarness(TestEnvironmentOptions.Builder options) {
    env =
        TestWorkflowEnvironment.newInstance(
            options
                .setWorkflowClientOptions(
                    WorkflowClientOptions.newBuilder().setIdentity("paved-test").build())
                .build());
  }

  public WorkflowClient client() {
    return env.getWorkflowClient();
  }

  @Override
  public void close() {
    env.close();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    close();
  }
}
