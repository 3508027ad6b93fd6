package dev.paved.workflows.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkflowImplementationOptions;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a client sees of an update validator's refusal, on the SDK Paved uses (1.38): the type of an
 * {@code ApplicationFailure} is lost (the SDK reports it as a {@code WorkflowExecutionException}),
 * the class name of a plain exception reaches the client as the failure's type, and both keep their
 * message. A worker that fails the workflow on every {@code Throwable} (a test harness's setting,
 * never Paved's) loses the type of both. Hence Paved's one convention: validators throw {@link
 * ApprovalFailures}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS) // a guard against a hung run, not a timed assertion
class ValidatorRefusalTypeTest {

  @WorkflowInterface
  public interface Refusing {
    @WorkflowMethod
    void run();

    @UpdateMethod
    void decide(String how);

    @UpdateValidatorMethod(updateName = "decide")
    void validateDecide(String how);
  }

  public static class RefusingImpl implements Refusing {
    @Override
    public void run() {
      Workflow.await(() -> false);
    }

    @Override
    public void decide(String how) {}

    @Override
    public void validateDecide(String how) {
      if (how.equals("application")) {
        throw ApplicationFailure.newNonRetryableFailure("no", "Conflict");
      }
      throw ApprovalFailures.conflict("no");
    }
  }

  @ParameterizedTest(name = "{0} refusal, failing on every Throwable: {1}")
  @CsvSource({
    "application, false, io.temporal.internal.worker.WorkflowExecutionException",
    "plain, false, dev.paved.workflows.approval.ApprovalFailures$Conflict",
    "application, true, io.temporal.internal.worker.WorkflowExecutionException",
    "plain, true, io.temporal.internal.worker.WorkflowExecutionException",
  })
  void theClientSeesTheRefusalsType(String how, boolean failOnThrowable, String expectedType) {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      Worker worker = env.newWorker("refusals");
      worker.registerWorkflowImplementationTypes(
          failOnThrowable
              ? WorkflowImplementationOptions.newBuilder()
                  .setFailWorkflowExceptionTypes(Throwable.class)
                  .build()
              : WorkflowImplementationOptions.getDefaultInstance(),
          RefusingImpl.class);
      env.start();
      Refusing workflow =
          env.getWorkflowClient()
              .newWorkflowStub(
                  Refusing.class, WorkflowOptions.newBuilder().setTaskQueue("refusals").build());
      WorkflowClient.start(workflow::run);

      WorkflowUpdateException refused =
          catchThrowableOfType(WorkflowUpdateException.class, () -> workflow.decide(how));

      assertThat(refused.getCause()).isInstanceOf(ApplicationFailure.class);
      ApplicationFailure failure = (ApplicationFailure) refused.getCause();
      assertThat(failure.getType()).isEqualTo(expectedType);
      assertThat(failure.getOriginalMessage()).isEqualTo("no");
    }
  }
}
