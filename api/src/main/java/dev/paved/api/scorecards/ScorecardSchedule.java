package dev.paved.api.scorecards;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * Once Paved is ready: looks at the scorecards folder every {@code poll-interval} (a change reloads
 * and evaluates every scorecard), and evaluates every scorecard whole every {@code evaluate-every},
 * the first time a minute after start (the catalog reads its locations first).
 */
class ScorecardSchedule implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ScorecardSchedule.class);
  private static final Duration FIRST = Duration.ofMinutes(1);

  private final ScorecardRegistry registry;
  private final ScoreEvaluator evaluator;
  private final ScorecardProperties properties;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "scorecards");
            thread.setDaemon(true);
            return thread;
          });

  ScorecardSchedule(
      ScorecardRegistry registry, ScoreEvaluator evaluator, ScorecardProperties properties) {
    this.registry = registry;
    this.evaluator = evaluator;
    this.properties = properties;
  }

  @EventListener(ApplicationReadyEvent.class)
  void onReady() {
    Duration poll = properties.pollInterval();
    if (positive(poll)) {
      timer.scheduleWithFixedDelay(
          this::look, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    }
    Duration every = properties.evaluateEvery();
    if (positive(every)) {
      long first = Math.min(every.toMillis(), FIRST.toMillis());
      timer.scheduleWithFixedDelay(this::evaluate, first, every.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void look() {
    try {
      if (registry.refresh(false)) {
        log.info("Scorecards changed and were reloaded");
        evaluate();
      }
    } catch (RuntimeException e) {
      log.warn("Looking for scorecard changes failed: {}", e.toString());
    }
  }

  private void evaluate() {
    try {
      evaluator.evaluateAll();
    } catch (RuntimeException e) {
      log.warn("Scorecards not evaluated this turn: {}", e.toString());
    }
  }

  private static boolean positive(Duration duration) {
    return duration != null && !duration.isZero() && !duration.isNegative();
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
