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
 * {@code catalog:register}: reads the entity file from the repository the run published and stores
 * its entities, marked with the run's service. Runs on the API's task queue, next to the database.
 */
@Component
class CatalogActivitiesImpl implements CatalogActivities {

  private final CatalogStore store;
  private final CatalogSource source;
  private final Clock clock;

  CatalogActivitiesImpl(CatalogStore store, CatalogSource source, Clock clock) {
    this.store = store;
    this.source = source;
    this.clock = clock;
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
          .filter(existing -> !existing.serviceKey().equals(request.serviceKey()))
          .ifPresent(
              existing -> {
                throw StepFailures.conflict(
                    "catalog:register: entity "
                        + entity.ref()
                        + " is already registered for "
                        + existing.serviceKey());
              });
      store.upsert(entity, request.serviceKey(), request.runId(), clock.instant());
    }
    return ActionResult.of(
        Map.of("entityRef", entities.get(0).ref(), "catalogInfoUrl", location.catalogInfoUrl()));
  }

  @Override
  public void undoCatalogRegister(ActionRequest request) {
    store.deleteFor(request.serviceKey());
  }
}
