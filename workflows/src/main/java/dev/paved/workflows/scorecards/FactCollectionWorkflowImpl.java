package dev.paved.workflows.scorecards;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;

/**
 * Collects, waits for the schedule's timer or a request, collects again; continues as new every
 * {@code turnsPerRun} turns, carrying the requests not served yet. Entities are collected in
 * batches; one whose source did not answer is tried again on its own with retries, and an entity
 * that still fails is logged and left for the next turn.
 */
public class FactCollectionWorkflowImpl implements FactCollectionWorkflow {

  /** Entities per batch activity. */
  static final int BATCH = 50;

  private static final Logger log = Workflow.getLogger(FactCollectionWorkflowImpl.class);

  private final FactCollectionActivities listing =
      Workflow.newActivityStub(
          FactCollectionActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofMinutes(10))
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setInitialInterval(Duration.ofSeconds(5))
                      .setMaximumAttempts(3)
                      .build())
              .build());

  private final FactCollectionActivities retried =
      Workflow.newActivityStub(
          FactCollectionActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofMinutes(2))
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setInitialInterval(Duration.ofSeconds(30))
                      .setBackoffCoefficient(2)
                      .setMaximumAttempts(4)
                      .build())
              .build());

  private final Deque<CollectionRequest> requests = new ArrayDeque<>();

  @Override
  public void collect(CollectionInput input) {
    requests.addAll(input.pending());
    Random random = Workflow.newRandom();
    long interval = input.intervalMillis();
    boolean due = input.collectFirst();
    for (int turn = 1; ; turn++) {
      if (due) {
        collectAll(input.collector());
      }
      while (!requests.isEmpty()) {
        CollectionRequest request = requests.poll();
        if (request.entityRef() == null) {
          collectAll(input.collector());
        } else {
          collectFor(input.collector(), List.of(request.entityRef()));
        }
      }
      if (turn >= input.turnsPerRun()) {
        Workflow.continueAsNew(
            new CollectionInput(
                input.collector(), interval, input.turnsPerRun(), false, List.copyOf(requests)));
      }
      if (interval > 0) {
        long jitter = random.nextLong(Math.max(1, interval / 10));
        due = !Workflow.await(Duration.ofMillis(interval + jitter), () -> !requests.isEmpty());
      } else {
        Workflow.await(() -> !requests.isEmpty());
        due = false;
      }
    }
  }

  private void collectAll(String collector) {
    List<String> refs;
    try {
      refs = listing.entities(collector);
    } catch (ActivityFailure e) {
      log.warn("Facts of {} not collected this turn: {}", collector, e.getMessage());
      return;
    }
    collectFor(collector, refs);
  }

  private void collectFor(String collector, List<String> refs) {
    List<String> unanswered = new ArrayList<>();
    for (int from = 0; from < refs.size(); from += BATCH) {
      List<String> batch = refs.subList(from, Math.min(refs.size(), from + BATCH));
      try {
        unanswered.addAll(listing.collectBatch(collector, List.copyOf(batch)).unanswered());
      } catch (ActivityFailure e) {
        log.warn("Facts of {} not collected for a batch: {}", collector, e.getMessage());
      }
    }
    for (String ref : unanswered) {
      try {
        retried.collectOne(collector, ref);
      } catch (ActivityFailure e) {
        log.warn("Facts of {} for {} not collected this turn: {}", collector, ref, e.getMessage());
      }
    }
  }

  @Override
  public void collectNow(CollectionRequest request) {
    if (request != null && !requests.contains(request)) {
      requests.add(request);
    }
  }
}
