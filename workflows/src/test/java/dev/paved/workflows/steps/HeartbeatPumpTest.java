package dev.paved.workflows.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.api.enums.v1.TimeoutType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.TimeoutFailure;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A step with a heartbeat timeout is kept alive by its worker while it runs, and its own heartbeat
 * details still reach its next attempt in their own type, on a real (not time-skipping) test
 * server.
 */
class HeartbeatPumpTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(1);
  private static final String QUEUE = "heartbeat-pump";

  private TestWorkflowEnvironment env;

  @AfterEach
  void close() {
    if (env != null) {
      env.close();
    }
  }

  @ActivityInterface
  public interface Quiet {
    /** Works {@code millis} without a heartbeat of its own. */
    String work(long millis);
  }

  @ActivityInterface
  public interface Resuming {
    /** Says where it is, then fails once; the next attempt tells what it read. */
    String resume();
  }

  @WorkflowInterface
  public interface Calls {
    @WorkflowMethod
    String call(String which, int attempts);
  }

  public static class CallsImpl implements Calls {
    @Override
    public String call(String which, int attempts) {
      ActivityOptions options =
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofMinutes(1))
              .setHeartbeatTimeout(TIMEOUT)
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setMaximumAttempts(attempts)
                      .setInitialInterval(Duration.ofMillis(100))
                      .build())
              .build();
      return which.equals("quiet")
          ? Workflow.newActivityStub(Quiet.class, options).work(TIMEOUT.toMillis() * 3)
          : Workflow.newActivityStub(Resuming.class, options).resume();
    }
  }

  static final class QuietImpl implements Quiet {
    @Override
    public String work(long millis) {
      sleep(millis);
      return "done";
    }
  }

  static final class ResumingImpl implements Resuming {
    final List<String> read = new CopyOnWriteArrayList<>();

    @Override
    public String resume() {
      ActivityExecutionContext context = Activity.getExecutionContext();
      if (context.getInfo().getAttempt() == 1) {
        context.heartbeat(new Progress("halfway", 50));
        // the pump beats on: it must repeat what the step said, not replace it
        sleep(TIMEOUT.toMillis() * 2);
        throw new IllegalStateException("connection reset");
      }
      // the pump beats before the step reads what the attempt before said
      sleep(TIMEOUT.toMillis() * 2);
      Progress before = context.getHeartbeatDetails(Progress.class).orElseThrow();
      read.add(before.stage() + "/" + before.percent());
      return before.stage();
    }
  }

  public record Progress(String stage, int percent) {}

  private String run(boolean pumping, String which, int attempts, Object... activities) {
    TestEnvironmentOptions.Builder options =
        TestEnvironmentOptions.newBuilder().setUseTimeskipping(false);
    if (pumping) {
      options.setWorkerFactoryOptions(
          WorkerFactoryOptions.newBuilder()
              .setWorkerInterceptors(new AttemptInterceptor())
              .build());
    }
    env = TestWorkflowEnvironment.newInstance(options.build());
    Worker worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(CallsImpl.class);
    worker.registerActivitiesImplementations(activities);
    env.start();
    WorkflowClient client = env.getWorkflowClient();
    return client
        .newWorkflowStub(Calls.class, WorkflowOptions.newBuilder().setTaskQueue(QUEUE).build())
        .call(which, attempts);
  }

  @Test
  void aStepThatNeverHeartbeatsItselfOutlivesItsHeartbeatTimeout() {
    assertThat(run(true, "quiet", 1, new QuietImpl())).isEqualTo("done");
  }

  @Test
  void withoutThePumpTheSameStepTimesOut() {
    Throwable thrown = catchThrowable(() -> run(false, "quiet", 1, new QuietImpl()));

    assertThat(thrown).isInstanceOf(WorkflowFailedException.class);
    Throwable activity = thrown.getCause();
    assertThat(activity).isInstanceOf(ActivityFailure.class);
    assertThat(activity.getCause()).isInstanceOf(TimeoutFailure.class);
    assertThat(((TimeoutFailure) activity.getCause()).getTimeoutType())
        .isEqualTo(TimeoutType.TIMEOUT_TYPE_HEARTBEAT);
  }

  @Test
  void theNextAttemptReadsWhatTheStepLastSaidInItsOwnType() {
    ResumingImpl resuming = new ResumingImpl();

    assertThat(run(true, "resuming", 2, resuming)).isEqualTo("halfway");
    assertThat(resuming.read).containsExactly("halfway/50");
  }

  @Test
  void beatsAQuarterOfTheTimeoutApartAndAtLeastEveryFiveSeconds() {
    assertThat(HeartbeatPump.interval(Duration.ofSeconds(6))).isEqualTo(Duration.ofMillis(1500));
    assertThat(HeartbeatPump.interval(Duration.ofMinutes(1))).isEqualTo(Duration.ofSeconds(5));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
