package dev.paved.worker;

import dev.paved.worker.github.GithubConfiguration;
import dev.paved.worker.workspaces.WorkspaceStoreConfiguration;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * A golden-path worker on its own, for a Temporal cluster or to join the embedded server of a
 * running {@code ./paved up} ({@code PAVED_TEMPORAL_TARGET=127.0.0.1:7233}, the same {@code
 * PAVED_DATA_DIR}). Paved's bookkeeping runs on the API's queue; with {@code
 * PAVED_WORKSPACES_STORE=database} the worker keeps the runs' workspaces in Paved's database
 * ({@code PAVED_DB_URL}), so workers on other hosts share no folder, else it needs no database. Its
 * settings are the API's {@code PAVED_*} variables (target, namespace, TLS, data dir, providers).
 * If it dies mid-run, another worker finishes the run (see {@link StickyQueueTimeout}).
 */
@Configuration(proxyBeanMethods = false)
@Import({
  TemporalConfiguration.class,
  ProvidersConfiguration.class,
  GithubConfiguration.class,
  GoldenPathWorkerConfiguration.class,
  AccessWorkerConfiguration.class,
  WorkspaceStoreConfiguration.class
})
public class WorkerApplication {

  /**
   * Defaults a setting, file or variable overrides: the API's log levels (its application.yaml is
   * not in the worker's jar), so an expected retry stays one line here too.
   */
  static final Map<String, Object> DEFAULTS =
      Map.of(
          "spring.main.banner-mode", "off",
          "logging.level.io.temporal", "WARN",
          "logging.level.io.temporal.internal.activity", "ERROR",
          "logging.level.io.temporal.internal.worker.HeartbeatManager", "ERROR",
          "logging.level.io.grpc", "WARN");

  public static void main(String[] args) {
    start(args);
  }

  /** Starts the worker; it polls until the returned context is closed. */
  public static ConfigurableApplicationContext start(String... args) {
    return new SpringApplicationBuilder(WorkerApplication.class)
        .web(WebApplicationType.NONE)
        .properties(DEFAULTS)
        // a worker on its own joins a Temporal service; it never starts a private one
        .properties("paved.temporal.embedded-allowed=false")
        .run(args);
  }
}
