package dev.paved.worker;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * A golden-path worker on its own, for a Temporal cluster or to join the embedded server of a
 * running {@code ./paved up} ({@code PAVED_TEMPORAL_TARGET=127.0.0.1:7233}, the same {@code
 * PAVED_DATA_DIR}). It needs no database: Paved's bookkeeping runs on the API's queue. If it dies
 * mid-run, another worker finishes the run (see {@link StickyQueueTimeout}).
 */
@Configuration(proxyBeanMethods = false)
@Import({
  TemporalConfiguration.class,
  ProvidersConfiguration.class,
  GoldenPathWorkerConfiguration.class
})
public class WorkerApplication {

  public static void main(String[] args) {
    new SpringApplicationBuilder(WorkerApplication.class)
        .web(WebApplicationType.NONE)
        // a worker on its own joins a Temporal service; it never starts a private one
        .properties("paved.temporal.embedded-allowed=false")
        .run(args);
  }
}
