package dev.paved.worker;

import io.grpc.StatusRuntimeException;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sticky-queue timeout of a golden-path worker. A worker keeps its runs in a cache and Temporal
 * sends their next tasks to that worker's own queue first, so a run's next workflow task costs only
 * the new events, not a replay of its whole history. Paved's embedded server (Temporal's in-memory
 * test server) never times that queue out: a run whose worker died would wait for it forever. So a
 * worker that joins that server from another process ({@code PAVED_TEMPORAL_TARGET=127.0.0.1:7233})
 * gets a zero timeout (no sticky queue: each task goes to any worker, with the whole history); it
 * is recognised by the empty server version it reports, as no Temporal cluster does. The worker of
 * the process that hosts the server keeps Temporal's default: it cannot die without the server, and
 * without its cache every step replayed the run from its start (twice the CPU per step, measured in
 * bench/README.md, "Engine speed").
 */
final class StickyQueueTimeout {

  private static final Logger log = LoggerFactory.getLogger(StickyQueueTimeout.class);

  private StickyQueueTimeout() {}

  /** The timeout to set; null leaves Temporal's default (a cluster reroutes on its own). */
  static Duration choose(TemporalProperties temporal, WorkflowServiceStubs stubs) {
    if (temporal.stickyQueueTimeout() != null) {
      return temporal.stickyQueueTimeout();
    }
    if (temporal.embedded()) {
      return null; // this process hosts the server: its worker lives and dies with it
    }
    Optional<String> version = serverVersion(stubs);
    if (version.isEmpty()) {
      log.warn(
          "Temporal at {} did not say which server it is; if it is the embedded server of"
              + " ./paved up, set PAVED_TEMPORAL_STICKY_QUEUE_TIMEOUT=0s so another worker can"
              + " finish this one's runs",
          temporal.target());
      return null;
    }
    if (version.get().isEmpty()) {
      log.info(
          "Temporal at {} is Paved's embedded server: sticky-queue timeout 0, so another worker"
              + " can finish this one's runs",
          temporal.target());
      return Duration.ZERO;
    }
    return null;
  }

  /** The version the server reports (empty for the test server); empty when it did not answer. */
  private static Optional<String> serverVersion(WorkflowServiceStubs stubs) {
    try {
      return Optional.of(
          stubs
              .blockingStub()
              .withDeadlineAfter(10, TimeUnit.SECONDS)
              .getSystemInfo(GetSystemInfoRequest.getDefaultInstance())
              .getServerVersion());
    } catch (StatusRuntimeException unreachable) {
      return Optional.empty();
    }
  }
}
