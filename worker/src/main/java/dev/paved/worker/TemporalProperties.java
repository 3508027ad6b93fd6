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
 * @param namespace the Temporal namespace ({@code PAVED_TEMPORAL_NAMESPACE})
 * @param tls how to reach a cluster over TLS ({@code PAVED_TEMPORAL_TLS_*}); off when empty
 * @param stickyQueueTimeout how long a run's next workflow task waits for the worker that ran it
 *     last ({@code PAVED_TEMPORAL_STICKY_QUEUE_TIMEOUT}); when empty, zero for a worker joining
 *     Paved's embedded server from another process (see {@link StickyQueueTimeout}), Temporal's
 *     default otherwise
 * @param queryTimeout how long a query (a run's live progress) waits for a worker to answer ({@code
 *     PAVED_TEMPORAL_QUERY_TIMEOUT}, default 3 s); past it the API answers from Paved's own record,
 *     so a page never hangs while no worker polls
 */
@ConfigurationProperties("paved.temporal")
public record TemporalProperties(
    String target,
    @DefaultValue("7233") int port,
    @DefaultValue("default") String namespace,
    @DefaultValue Tls tls,
    Duration stickyQueueTimeout,
    Duration queryTimeout) {

  static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(3);

  public TemporalProperties {
    tls = tls == null ? new Tls(null, null, null, null) : tls;
    queryTimeout =
        queryTimeout == null || queryTimeout.isZero() || queryTimeout.isNegative()
            ? DEFAULT_QUERY_TIMEOUT
            : queryTimeout;
  }

  public boolean embedded() {
    return target == null || target.isBlank();
  }

  /**
   * {@code paved.temporal.tls.*}: TLS to the cluster, mutual when a client certificate is given.
   *
   * @param cert the client certificate chain, PEM ({@code PAVED_TEMPORAL_TLS_CERT})
   * @param key the client certificate's private key, PEM PKCS#8 ({@code PAVED_TEMPORAL_TLS_KEY})
   * @param ca the CA certificates that signed the server's certificate, PEM ({@code
   *     PAVED_TEMPORAL_TLS_CA}); the JVM's trust store when empty
   * @param serverName the name the server's certificate must carry, when it is not the target's
   *     host ({@code PAVED_TEMPORAL_TLS_SERVER_NAME})
   */
  public record Tls(String cert, String key, String ca, String serverName) {

    public Tls {
      // an empty variable (VAR= in an env file) means unset, as for every other setting
      cert = blankToNull(cert);
      key = blankToNull(key);
      ca = blankToNull(ca);
      serverName = blankToNull(serverName);
    }

    /** TLS is on once a client certificate, its key or a CA is given. */
    public boolean enabled() {
      return cert != null || key != null || ca != null;
    }

    public boolean mutual() {
      return cert != null && key != null;
    }

    private static String blankToNull(String value) {
      return value == null || value.isBlank() ? null : value.strip();
    }
  }
}
