package dev.paved.activities.debug;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paved.activities.support.Workspaces;
import dev.paved.workflows.actions.DebugActivities;
import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.ActionResult;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code debug:wait} in Temporal's activity test environment, which records its heartbeats. */
class DebugWaitTest {

  @TempDir Path dir;
  private TestActivityEnvironment environment;
  private DebugActivities debug;
  private final List<Long> heartbeats = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    environment = TestActivityEnvironment.newInstance();
    environment.registerActivitiesImplementations(new DebugActivitiesImpl(new Workspaces(dir)));
    environment.setActivityHeartbeatListener(Long.class, heartbeats::add);
    debug =
        environment.newActivityStub(
            DebugActivities.class,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofMinutes(1))
                .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
                .build());
  }

  @AfterEach
  void close() {
    environment.close();
  }

  private ActionResult waitFor(Map<String, Object> input) {
    return debug.debugWait(
        new ActionRequest("run-7", "t/s", "pause", "debug:wait", input, null, "alice"));
  }

  @Test
  void heartbeatsTheMomentItsWaitEnds() {
    long before = System.currentTimeMillis();

    ActionResult result = waitFor(Map.of("milliseconds", 1200));

    assertThat(result.output()).isEmpty();
    assertThat(heartbeats).isNotEmpty();
    assertThat(heartbeats).containsOnly(heartbeats.get(0));
    assertThat(heartbeats.get(0)).isGreaterThanOrEqualTo(before + 1200);
  }

  @Test
  void anAttemptTakingOverWaitsUntilTheFirstOnesEnd() {
    long firstAttemptsEnd = System.currentTimeMillis() + 1500;
    environment.setHeartbeatDetails(firstAttemptsEnd);

    waitFor(Map.of("minutes", 9));

    assertThat(heartbeats).isNotEmpty().containsOnly(firstAttemptsEnd);
  }

  @Test
  void refusesMoreThanTenMinutesOrANegativeTime() {
    assertThatThrownBy(() -> waitFor(Map.of("minutes", 10, "seconds", 1)))
        .isInstanceOf(ActivityFailure.class)
        .cause()
        .isInstanceOf(ApplicationFailure.class)
        .hasMessageContaining("10 minutes at most")
        .satisfies(e -> assertThat(((ApplicationFailure) e).getType()).isEqualTo("InvalidInput"));
    assertThatThrownBy(() -> waitFor(Map.of("seconds", -1)))
        .cause()
        .hasMessageContaining("negative");
  }

  @Test
  void nothingToWaitReturnsAtOnce() {
    assertThat(waitFor(Map.of()).output()).isEmpty();
    assertThat(heartbeats).isEmpty();
  }
}
