package dev.paved.activities.support;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.paved.workflows.steps.ActionResult;
import dev.paved.workflows.steps.AttemptInterceptor;
import dev.paved.workflows.steps.StepEffects;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.activity.ActivityInfo;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor.ActivityInput;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor.ActivityOutput;
import io.temporal.common.interceptors.Header;
import io.temporal.failure.ApplicationFailure;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Test helper: runs an activity's call as the worker runs its first attempt (through {@link
 * AttemptInterceptor}, which opens the effects ledger) and returns what the step reported it may
 * have made, from its result or, when it failed, from its failure's details.
 */
public final class ReportedEffects {

  /** What one attempt reported, and the failure it ended with (null when it succeeded). */
  public record Reported(StepEffects effects, ApplicationFailure failure) {}

  private ReportedEffects() {}

  public static Reported of(Supplier<ActionResult> call) {
    return of(1, null, call);
  }

  /**
   * As {@link #of(Supplier)}, for the attempt after one that reported {@code before} and was cut
   * off (its worker died: it never closed its record).
   */
  public static Reported after(StepEffects before, Supplier<ActionResult> call) {
    return of(before.attempt() + 1, before, call);
  }

  private static Reported of(int attemptNumber, StepEffects before, Supplier<ActionResult> call) {
    ActivityInfo info = mock(ActivityInfo.class);
    when(info.getAttempt()).thenReturn(attemptNumber);
    when(info.getActivityType()).thenReturn("Step");
    ActivityExecutionContext context = mock(ActivityExecutionContext.class);
    when(context.getInfo()).thenReturn(info);
    when(context.getHeartbeatDetails(StepEffects.class)).thenReturn(Optional.ofNullable(before));
    ActivityInboundCallsInterceptor next = mock(ActivityInboundCallsInterceptor.class);
    when(next.execute(any())).thenAnswer(invocation -> new ActivityOutput(call.get()));
    ActivityInboundCallsInterceptor attempt = new AttemptInterceptor().interceptActivity(next);
    attempt.init(context);
    try {
      Object result = attempt.execute(new ActivityInput(Header.empty(), new Object[0])).getResult();
      return new Reported(((ActionResult) result).effects(), null);
    } catch (ApplicationFailure failure) {
      return new Reported(
          failure.getDetails().get(1, StepEffects.class, StepEffects.class), failure);
    }
  }
}
