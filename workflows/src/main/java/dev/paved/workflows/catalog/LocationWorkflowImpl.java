package dev.paved.workflows.catalog;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.Random;
import org.slf4j.Logger;

/**
 * Reads, waits for the schedule's timer or a request, reads again; continues as new every {@code
 * turnsPerRun} reads. Requests are counted, so one that arrives during a read gets a read of its
 * own after it. A read that fails is logged and tried again at the next turn.
 */
public class LocationWorkflowImpl implements LocationWorkflow {

  private static final Logger log = Workflow.getLogger(LocationWorkflowImpl.class);

  private final LocationActivities activities =
      Workflow.newActivityStub(
          LocationActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofMinutes(10))
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setInitialInterval(Duration.ofSeconds(5))
                      .setMaximumAttempts(3)
                      .build())
              .build());

  private int requested;
  private int served;
  private boolean ended;
  private LocationTurn last;

  @Override
  public void process(LocationInput input) {
    Random random = Workflow.newRandom();
    long interval = input.intervalMillis();
    for (int turn = 1; ; turn++) {
      int asked = requested;
      last = read(input.locationId(), asked > served);
      served = asked;
      if (last != null && !last.exists()) {
        ended = true;
        return;
      }
      interval = last != null ? last.intervalMillis() : interval;
      if (interval > 0) {
        long jitter = random.nextLong(Math.max(1, interval / 10));
        Workflow.await(Duration.ofMillis(interval + jitter), () -> requested > served);
      } else {
        Workflow.await(() -> requested > served);
      }
      if (turn >= input.turnsPerRun() && requested == served) {
        Workflow.await(Workflow::isEveryHandlerFinished);
        Workflow.continueAsNew(
            new LocationInput(input.locationId(), interval, input.turnsPerRun()));
      }
    }
  }

  private LocationTurn read(String locationId, boolean asked) {
    try {
      return activities.readLocation(new LocationRead(locationId, asked));
    } catch (ActivityFailure e) {
      log.warn("Catalog location {} not read this turn: {}", locationId, e.getMessage());
      return null;
    }
  }

  @Override
  public LocationTurn refresh() {
    int want = ++requested;
    Workflow.await(() -> served >= want || ended);
    return ended ? LocationTurn.gone() : last;
  }

  @Override
  public void changed() {
    requested++;
  }
}
