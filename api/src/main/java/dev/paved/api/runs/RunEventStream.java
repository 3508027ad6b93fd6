package dev.paved.api.runs;

import dev.paved.workflows.goldenpath.RunStatus;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One client's stream of a run's events. A shared scheduler looks at the run every half second (no
 * servlet thread waits), sends what changed, and completes the stream once the run has ended.
 */
final class RunEventStream implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(RunEventStream.class);
  static final long POLL_MILLIS = 250;

  private final String runId;
  private final SseEmitter emitter;
  private final RunService runs;
  private final RunExecutions executions;
  private final RunEventDiff diff = new RunEventDiff();
  private volatile ScheduledFuture<?> polling;
  private long sent;

  private RunEventStream(
      String runId, SseEmitter emitter, RunService runs, RunExecutions executions) {
    this.runId = runId;
    this.emitter = emitter;
    this.runs = runs;
    this.executions = executions;
  }

  /** Starts streaming the run's events into {@code emitter}. */
  static void start(
      String runId,
      SseEmitter emitter,
      RunService runs,
      RunExecutions executions,
      ScheduledExecutorService scheduler) {
    RunEventStream stream = new RunEventStream(runId, emitter, runs, executions);
    emitter.onCompletion(stream::stop);
    emitter.onTimeout(stream::stop);
    emitter.onError(e -> stream.stop());
    stream.polling =
        scheduler.scheduleWithFixedDelay(stream, 0, POLL_MILLIS, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void run() {
    try {
      Optional<RunRecord> run = runs.find(runId);
      if (run.isEmpty()) {
        emitter.complete();
        stop();
        return;
      }
      for (RunEventDiff.Event event : diff.next(run.get(), executions.pendingAttempts(run.get()))) {
        emitter.send(
            SseEmitter.event()
                .id(Long.toString(++sent))
                .name(event.name())
                .data(event.data(), MediaType.APPLICATION_JSON));
      }
      if (ended(run.get().status())) {
        emitter.complete();
        stop();
      }
    } catch (IOException | IllegalStateException clientGone) {
      stop();
    } catch (RuntimeException e) {
      // the database or Temporal did not answer this time: the next look tries again
      log.debug("Events of run {}: {}", runId, e.toString());
    }
  }

  private void stop() {
    ScheduledFuture<?> task = polling;
    if (task != null) {
      task.cancel(false);
    }
  }

  private static boolean ended(String status) {
    return Arrays.stream(RunStatus.values())
        .anyMatch(s -> s.isTerminal() && s.name().equals(status));
  }
}
