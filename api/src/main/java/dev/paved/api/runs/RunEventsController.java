package dev.paved.api.runs;

import dev.paved.api.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** What happened in a run: its events as they happen, and its workflow history. */
@Tag(name = "Runs")
@RestController
@RequestMapping("/api/v1/runs")
class RunEventsController implements AutoCloseable {

  /** A stream is closed after this long; a client following a longer run connects again. */
  static final Duration STREAM_TIMEOUT = Duration.ofHours(1);

  private final RunService runs;
  private final RunExecutions executions;
  private final ScheduledExecutorService scheduler =
      Executors.newScheduledThreadPool(
          2,
          r -> {
            Thread thread = new Thread(r, "paved-run-events");
            thread.setDaemon(true);
            return thread;
          });

  RunEventsController(RunService runs, RunExecutions executions) {
    this.runs = runs;
    this.executions = executions;
  }

  /**
   * Server-sent events: {@code run} (status, failed step, error) first and whenever it changes,
   * {@code step} (step, status, attempt, error) as steps start, retry, succeed, fail or are undone;
   * the stream ends when the run has ended.
   */
  @Operation(summary = "Follow a run's events as server-sent events")
  @ApiResponse(
      responseCode = "200",
      description = "a text/event-stream of run and step events; it ends when the run has ended",
      content =
          @Content(
              mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
              schema = @Schema(type = "string")))
  @ApiResponse(responseCode = "404", description = "no run with this id")
  @GetMapping(path = "/{id}/events")
  SseEmitter events(@PathVariable String id) {
    if (runs.find(id).isEmpty()) {
      throw Problems.notFound("no run with id '" + id + "'");
    }
    SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
    RunEventStream.start(id, emitter, runs, executions, scheduler);
    return emitter;
  }

  /**
   * The run's workflow history as Temporal's JSON (replayable with Temporal's tools). Never holds a
   * secret: steps keep secret values out of workflow history.
   */
  @Operation(summary = "Read a run's Temporal workflow history")
  @ApiResponse(
      responseCode = "200",
      description = "Temporal's history JSON, replayable with Temporal's tools",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object")))
  @ApiResponse(
      responseCode = "404",
      description = "no run with this id, or Temporal no longer has its history")
  @GetMapping(path = "/{id}/history", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> history(@PathVariable String id) {
    RunRecord run =
        runs.find(id).orElseThrow(() -> Problems.notFound("no run with id '" + id + "'"));
    return executions
        .historyJson(run)
        .map(ResponseEntity::ok)
        .orElseThrow(
            () ->
                Problems.notFound(
                    "Temporal no longer has the history of run '"
                        + id
                        + "' (local mode's embedded server forgets it when Paved stops)"));
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
