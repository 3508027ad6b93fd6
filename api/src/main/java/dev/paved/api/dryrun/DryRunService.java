package dev.paved.api.dryrun;

import dev.paved.activities.render.RenderActivitiesImpl;
import dev.paved.activities.support.FileTrees;
import dev.paved.activities.support.Workspaces;
import dev.paved.api.templates.LoadedTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Dry runs: a template's steps rendered and planned in a temporary workspace inside the API
 * process, outside Paved's data folder, deleted afterwards. No run is recorded, no name claimed, no
 * workflow started, and no repository, pull request, secret, dashboard or catalog entry made.
 * Templates render on the renderer's own threads under its limits, never on the request's thread.
 */
@Service
public class DryRunService {

  /** The run id a dry run's requests carry (its workspace's name): never a real run's. */
  public static final String RUN_ID = "dry-run";

  private static final Logger log = LoggerFactory.getLogger(DryRunService.class);

  private final DryRunProviders providers;

  DryRunService(DryRunProviders providers) {
    this.providers = providers;
  }

  /** What the run would make; the parameters have passed the template's form already. */
  public DryRunReport run(
      LoadedTemplate template, Map<String, Object> parameters, String serviceKey, String user) {
    Path root;
    try {
      root = Files.createTempDirectory("paved-dry-run-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // the dry run's renders add up against one run's limits, as a real run's do
    try (var renders = providers.renderer().forRun("dry-run:" + UUID.randomUUID())) {
      Workspaces workspaces = new Workspaces(root);
      DryRunner runner =
          new DryRunner(
              new RenderActivitiesImpl(providers.renderer()),
              new StepPreviews(workspaces, providers),
              serviceKey,
              user);
      runner.run(template.plan(), parameters);
      boolean failed = runner.failure != null;
      log.info(
          "Dry run of template {} for {}: {}",
          template.name(),
          serviceKey,
          failed ? "failed: " + runner.failure.getOriginalMessage() : "planned");
      return new DryRunReport(
          true,
          template.name(),
          template.version(),
          serviceKey,
          parameters,
          failed ? "FAILED" : "COMPLETED",
          failed ? runner.failedStep() : null,
          failed ? runner.failure.getOriginalMessage() : null,
          failed ? runner.failure.getType() : null,
          runner.steps,
          WorkspaceFiles.of(workspaces.forRun(DryRunner.RUN_ID)),
          runner.resources,
          runner.output);
    } finally {
      delete(root);
    }
  }

  private static void delete(Path root) {
    try {
      FileTrees.delete(root);
    } catch (IOException e) {
      log.warn("Dry run folder {} not deleted: {}", root, e.toString());
    }
  }
}
