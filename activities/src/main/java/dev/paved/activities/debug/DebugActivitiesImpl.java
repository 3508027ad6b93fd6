package dev.paved.activities.debug;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paved.activities.support.Inputs;
import dev.paved.activities.support.StepFailures;
import dev.paved.activities.support.Workspaces;
import dev.paved.workflows.actions.DebugActivities;
import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.ActionResult;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code debug:log} writes a message (and {@code extra} as JSON), and if asked the workspace's
 * files, to the log; {@code debug:wait} waits.
 */
public final class DebugActivitiesImpl implements DebugActivities {

  private static final Logger LOG = LoggerFactory.getLogger(DebugActivitiesImpl.class);
  private static final Duration MAX_WAIT = Duration.ofMinutes(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Workspaces workspaces;

  public DebugActivitiesImpl(Workspaces workspaces) {
    this.workspaces = workspaces;
  }

  /** Logs {@code message} at INFO on one line naming the run and step; lists files if asked. */
  @Override
  public ActionResult debugLog(ActionRequest request) {
    Inputs inputs = Inputs.of("debug:log", request.input());
    String message = inputs.string("message", null);
    if (message != null) {
      LOG.info("run {} step {}: {}", request.runId(), request.stepId(), oneLine(message));
    }
    Object extra = request.input().get("extra");
    if (extra != null) {
      LOG.info("run {} step {}: extra {}", request.runId(), request.stepId(), oneLine(json(extra)));
    }
    if (inputs.bool("listWorkspace", false)) {
      for (String file : files(workspaces.forRun(request.runId()))) {
        LOG.info("run {} step {}: workspace file {}", request.runId(), request.stepId(), file);
      }
    }
    return ActionResult.of(Map.of());
  }

  /**
   * Waits {@code minutes} + {@code seconds} + {@code milliseconds} (Backstage's inputs), 10 minutes
   * at most. It heartbeats the moment the wait ends: an attempt that takes over from a dead worker
   * waits only what is left.
   */
  @Override
  public ActionResult debugWait(ActionRequest request) {
    Duration wait = waitTime(request);
    ActivityExecutionContext context = Activity.getExecutionContext();
    long until =
        context
            .getHeartbeatDetails(Long.class)
            .orElseGet(() -> System.currentTimeMillis() + wait.toMillis());
    for (long left = until - System.currentTimeMillis();
        left > 0;
        left = until - System.currentTimeMillis()) {
      context.heartbeat(until);
      try {
        Thread.sleep(Math.min(left, 1000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("debug:wait interrupted", e);
      }
    }
    return ActionResult.of(Map.of());
  }

  /** How long {@code debug:wait} waits; InvalidInput when negative or over 10 minutes. */
  public static Duration waitTime(ActionRequest request) {
    Inputs inputs = Inputs.of("debug:wait", request.input());
    int minutes = inputs.integer("minutes", 0);
    int seconds = inputs.integer("seconds", 0);
    int milliseconds = inputs.integer("milliseconds", 0);
    if (minutes < 0 || seconds < 0 || milliseconds < 0) {
      throw StepFailures.invalidInput("debug:wait: the time to wait cannot be negative");
    }
    Duration wait = Duration.ofMinutes(minutes).plusSeconds(seconds).plusMillis(milliseconds);
    if (wait.compareTo(MAX_WAIT) > 0) {
      throw StepFailures.invalidInput(
          "debug:wait: waits 10 minutes at most, not " + wait.toSeconds() + " seconds");
    }
    return wait;
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      return String.valueOf(value);
    }
  }

  // a template's text must not be able to forge further log lines
  private static String oneLine(String text) {
    return text.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n");
  }

  private static List<String> files(Path workspace) {
    try (Stream<Path> walk = Files.walk(workspace)) {
      return walk.filter(Files::isRegularFile)
          .map(path -> workspace.relativize(path).toString().replace(File.separatorChar, '/'))
          .map(DebugActivitiesImpl::oneLine)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
