package dev.paved.worker;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paved.temporal.*}: where Temporal runs.
 *
 * @param target a Temporal cluster's {@code host:port} ({@code PAVED_TEMPORAL_TARGET}); when empty,
 *     Paved starts its embedded server (local mode)
 * @param port the embedded server's port on 127.0.0.1 ({@code PAVED_TEMPORAL_PORT})
 * @param namespace the Temporal namespace
 * @param stickyQueueTimeout how long a run's next workflow task waits for the worker that ran it
 *     last ({@code PAVED_TEMPORAL_STICKY_QUEUE_TIMEOUT}); when empty, zero on Paved's embedded
 *     server (see {@link StickyQueueTimeout}) and Temporal's default on a cluster
 */
@ConfigurationProperties("paved.temporal")
public record TemporalProperties(
    String target,
    @DefaultValue("7233") int port,
    @DefaultValue("default") String namespace,
    Duration stickyQueueTimeout) {

  public boolean embedded() {
    return target == null || target.isBlank();
  }
}
