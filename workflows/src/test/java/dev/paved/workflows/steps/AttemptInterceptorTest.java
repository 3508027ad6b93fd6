package dev.paved.workflows.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.temporal.activity.ActivityExecutionContext;
import io.temporal.activity.ActivityInfo;
import io.temporal.client.ActivityCanceledException;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor.ActivityInput;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor.ActivityOutput;
import io.temporal.common.interceptors.Header;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The interceptor alone: what it does to results and failures of one attempt. */
class AttemptInterceptorTest {

  private final ActivityInboundCallsInterceptor next = mock(ActivityInboundCallsInterceptor.class);
  private final ActivityInput input = new ActivityInput(Header.empty(), new Object[0]);
  private ActivityInboundCallsInterceptor intercepted;

  @BeforeEach
  void interceptFourthAttempt() {
    ActivityInfo info = mock(ActivityInfo.class);
    when(info.getAttempt()).thenReturn(4);
    when(info.getActivityType()).thenReturn("PublishGithub");
    ActivityExecutionContext context = mock(ActivityExecutionContext.class);
    when(context.getInfo()).thenReturn(info);
    intercepted = new AttemptInterceptor().interceptActivity(next);
    intercepted.init(context);
  }

  @Test
  void putsTheAttemptIntoAnActionResult() {
    when(next.execute(any())).thenReturn(new ActivityOutput(ActionResult.of(Map.of("a", 1))));

    Object result = intercepted.execute(input).getResult();

    assertThat(result).isEqualTo(new ActionResult(Map.of("a", 1), 4));
  }

  @Test
  void leavesOtherResultsAlone() {
    when(next.execute(any())).thenReturn(new ActivityOutput("rendered"));

    assertThat(intercepted.execute(input).getResult()).isEqualTo("rendered");
  }

  @Test
  void keepsTypeMessageRetryabilityAndDelayOfAnApplicationFailure() {
    ApplicationFailure thrown = ApplicationFailure.newNonRetryableFailure("taken", "Conflict");
    thrown.setNextRetryDelay(Duration.ofSeconds(7));
    when(next.execute(any())).thenThrow(thrown);

    ApplicationFailure failure =
        catchThrowableOfType(ApplicationFailure.class, () -> intercepted.execute(input));

    assertThat(failure.getType()).isEqualTo("Conflict");
    assertThat(failure.getOriginalMessage()).isEqualTo("taken");
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(7));
    assertThat(failure.getDetails().get(Integer.class)).isEqualTo(4);
  }

  @Test
  void turnsAnyOtherExceptionIntoARetryableFailureNamedAfterIt() {
    when(next.execute(any())).thenThrow(new IllegalStateException("connection reset"));

    ApplicationFailure failure =
        catchThrowableOfType(ApplicationFailure.class, () -> intercepted.execute(input));

    assertThat(failure.getType()).isEqualTo(IllegalStateException.class.getName());
    assertThat(failure.getOriginalMessage()).isEqualTo("connection reset");
    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getCause()).isInstanceOf(IllegalStateException.class);
    assertThat(failure.getDetails().get(Integer.class)).isEqualTo(4);
  }

  @Test
  void anExceptionWithoutAMessageIsNamedNotNull() {
    when(next.execute(any())).thenThrow(new NullPointerException());

    ApplicationFailure failure =
        catchThrowableOfType(ApplicationFailure.class, () -> intercepted.execute(input));

    assertThat(failure.getOriginalMessage()).isEqualTo("unexpected NullPointerException");
  }

  @Test
  void letsACancellationThroughSoTheActivityEndsCancelledNotFailed() {
    ActivityCanceledException cancelled = new ActivityCanceledException();
    when(next.execute(any())).thenThrow(cancelled);

    Throwable thrown =
        catchThrowableOfType(RuntimeException.class, () -> intercepted.execute(input));

    assertThat(thrown).isSameAs(cancelled);
  }
}
