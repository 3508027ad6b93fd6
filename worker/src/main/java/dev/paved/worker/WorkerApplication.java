package dev.paved.worker;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * A golden-path worker on its own, for a Temporal cluster or to join the embedded server of a
 * running {@code ./paved up} ({@code PAVED_TEMPORAL_TARGET=127.0.0.1:7233}). It needs no database:
 * Paved's bookkeeping runs on the API's queue.
 */
@Configuration(proxyBeanMethods = false)
@Import({
  TemporalConfiguration.class,
  ProvidersConfiguration.class,
  GoldenPathWorkerConfiguration.class,
  AccessWorkerConfiguration.class
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
