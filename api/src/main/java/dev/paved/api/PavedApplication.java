package dev.paved.api;

import dev.paved.worker.AccessWorkerConfiguration;
import dev.paved.worker.GoldenPathWorkerConfiguration;
import dev.paved.worker.ProvidersConfiguration;
import dev.paved.worker.TemporalConfiguration;
import dev.paved.worker.github.GithubConfiguration;
import dev.paved.worker.workspaces.WorkspaceStoreConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** Paved's API; in local mode also the embedded Temporal server and the worker. */
@SpringBootApplication
@Import({
  TemporalConfiguration.class,
  ProvidersConfiguration.class,
  GithubConfiguration.class,
  GoldenPathWorkerConfiguration.class,
  AccessWorkerConfiguration.class,
  WorkspaceStoreConfiguration.class
})
public class PavedApplication {

  public static void main(String[] args) {
    SpringApplication.run(PavedApplication.class, args);
  }
}
