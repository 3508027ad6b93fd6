package dev.paved.api.catalog;

import dev.paved.activities.support.StepFailures;
import dev.paved.workflows.actions.CatalogActivities;
import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.ActionResult;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code catalog:register}: registers the entity file of the repository the run published as a
 * location of the run's service and reads it at once, so the service is in the catalog when the run
 * completes. A run may register only entities owned by its team, never Group, User or Location.
 * Runs on the API's task queue, next to the database.
 */
@Component
class CatalogActivitiesImpl implements CatalogActivities {

  private final CatalogStore store;
  private final CatalogLocations locations;
  private final CatalogIngestion ingestion;
  private final CatalogSource source;
  private final Clock clock;
  private final LocationWorkflows workflows;

  CatalogActivitiesImpl(
      CatalogStore store,
      CatalogLocations locations,
      CatalogIngestion ingestion,
      CatalogSource source,
      Clock clock,
      LocationWorkflows workflows) {
    this.store = store;
    this.locations = locations;
    this.ingestion = ingestion;
    this.source = source;
    this.clock = clock;
    this.workflows = workflows;
  }

  @Override
  @Transactional
  public ActionResult catalogRegister(ActionRequest request) {
    CatalogLocation location = CatalogLocation.of(request.input());
    String file = location.file();
    String repository = location.repoContentsUrl();
    String content =
        source
            .read(repository, file)
            .orElseThrow(
                () ->
                    StepFailures.invalidInput(
                        "catalog:register: no file '" + file + "' in " + repository));
    List<Entity> entities = Entity.parseFile(content, file);
    for (Entity entity : entities) {
      store
          .find(entity.kind(), entity.namespace(), entity.name())
          .filter(existing -> !request.serviceKey().equals(existing.serviceKey()))
          .ifPresent(
              existing -> {
                throw StepFailures.conflict(
                    "catalog:register: entity "
                        + entity.ref()
                        + " is already registered for "
                        + (existing.serviceKey() == null
                            ? "a location of the platform"
                            : existing.serviceKey()));
              });
    }
    String url = location.catalogInfoUrl();
    CatalogLocations.Location registered =
        locations
            .find("url", url)
            .orElseGet(
                () ->
                    locations.add(
                        "url",
                        url,
                        "run",
                        false,
                        request.serviceKey(),
                        null,
                        request.runId(),
                        clock.instant()));
    if (!request.serviceKey().equals(registered.serviceKey())) {
      throw StepFailures.conflict(
          "catalog:register: " + url + " is a catalog location registered otherwise");
    }
    // the file was read above: one read of the repository per register
    CatalogIngestion.Outcome outcome = ingestion.refresh(registered.id(), content);
    if (!outcome.errors().isEmpty()) {
      throw StepFailures.invalidInput("catalog:register: " + String.join("; ", outcome.errors()));
    }
    workflows.start(registered.id()); // from now on its workflow keeps it current
    return ActionResult.of(Map.of("entityRef", entities.get(0).ref(), "catalogInfoUrl", url));
  }

  @Override
  @Transactional
  public void undoCatalogRegister(ActionRequest request) {
    store.deleteFor(request.serviceKey());
    locations.idsFor(request.serviceKey()).forEach(locations::delete);
  }
}
