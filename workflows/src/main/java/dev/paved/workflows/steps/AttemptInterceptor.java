package dev.paved.workflows.steps;

import io.temporal.activity.ActivityExecutionContext;
import io.temporal.activity.ActivityInfo;
import io.temporal.client.ActivityCompletionException;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.failure.ApplicationFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the workflow which attempt of a step succeeded or failed (in the result, or in the
 * failure's details), and logs each failed attempt as one line instead of a stack trace. A step
 * with a heartbeat timeout is heartbeated for while it runs ({@link HeartbeatPump}), and an action
 * on a golden-path queue runs inside the worker's {@link ActionSurroundings}.
 */
public final class AttemptInterceptor extends WorkerInterceptorBase {

  private static final Logger log = LoggerFactory.getLogger("dev.paved.steps");

  private final ActionSurroundings surroundings;

  public AttemptInterceptor() {
    this(ActionSurroundings.NONE);
  }

  public AttemptInterceptor(ActionSurroundings surroundings) {
    this.surroundings = surroundings;
  }

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityInboundCallsInterceptorBase(next) {
      private ActivityInfo info;
      private ActivityExecutionContext context;

      @Override
      public void init(ActivityExecutionContext context) {
        info = context.getInfo();
        this.context = HeartbeatPump.around(context);
        super.init(this.context);
      }

      @Override
      public ActivityOutput execute(ActivityInput input) {
        int attempt = info.getAttempt();
        EffectsLedger ledger = EffectsLedger.open(context);
        HeartbeatPump pump = HeartbeatPump.startIfPumping(context);
        try {
          ActivityOutput output = executeAction(input);
          if (output.getResult() instanceof ActionResult result) {
            return new ActivityOutput(
                result.withAttempt(attempt).withEffects(ledger.effects(true)));
          }
          return output;
        } catch (ActivityCompletionException cancelledOrGone) {
          // Cancelled (or paused, reset, gone): the SDK reports a cancellation only if it sees
          // its own exception; wrapped, a cancelled step would fail and be retried.
          throw cancelledOrGone;
        } catch (ApplicationFailure failure) {
          logFailure(
              attempt, failure.getType(), failure.getOriginalMessage(), failure.isNonRetryable());
          ledger.reportClosing();
          throw withAttempt(failure, attempt, ledger.effects(true));
        } catch (RuntimeException e) {
          // an exception without a message (a NullPointerException, say) still says what it was
          String message =
              e.getMessage() == null
                  ? "unexpected " + e.getClass().getSimpleName()
                  : e.getMessage();
          logFailure(attempt, e.getClass().getName(), message, false);
          ledger.reportClosing();
          throw ApplicationFailure.newFailureWithCause(
              message, e.getClass().getName(), e, details(attempt, ledger.effects(true)));
        } finally {
          if (pump != null) {
            pump.stop();
          }
          EffectsLedger.close();
        }
      }

      /** The activity, inside the worker's surroundings when it is an action on a step's queue. */
      private ActivityOutput executeAction(ActivityInput input) {
        Object[] arguments = input.getArguments();
        if (arguments.length == 0
            || !(arguments[0] instanceof ActionRequest request)
            || TaskQueues.API.equals(info.getActivityTaskQueue())) {
          return super.execute(input);
        }
        return surroundings.around(
            request,
            prepared -> {
              Object[] given = arguments.clone();
              given[0] = prepared;
              return super.execute(new ActivityInput(input.getHeader(), given));
            });
      }

      private void logFailure(int attempt, String type, String message, boolean final_) {
        log.warn(
            "{} (workflow {}) attempt {} failed{}: {}: {}",
            info.getActivityType(),
            info.getWorkflowId(),
            attempt,
            final_ ? " (not retryable)" : "",
            type,
            message);
      }
    };
  }

  /**
   * The failure's details: the attempt, then what the step may have made when it tracks that (the
   * workflow reads them by position: {@code StepError} the first, the rollback the second).
   */
  private static Object[] details(int attempt, StepEffects effects) {
    return effects == null ? new Object[] {attempt} : new Object[] {attempt, effects};
  }

  private static ApplicationFailure withAttempt(
      ApplicationFailure failure, int attempt, StepEffects effects) {
    Object[] details = details(attempt, effects);
    ApplicationFailure copy =
        failure.isNonRetryable()
            ? ApplicationFailure.newNonRetryableFailureWithCause(
                failure.getOriginalMessage(), failure.getType(), failure.getCause(), details)
            : ApplicationFailure.newFailureWithCause(
                failure.getOriginalMessage(), failure.getType(), failure.getCause(), details);
    copy.setNextRetryDelay(failure.getNextRetryDelay());
    copy.setStackTrace(failure.getStackTrace());
    return copy;
  }
}
