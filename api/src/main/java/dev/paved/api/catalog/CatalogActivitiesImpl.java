package dev.paved.api.catalog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.paved.activities.support.Inputs;
import dev.paved.activities.support.StepFailures;
import dev.paved.workflows.actions.CatalogActivities;
import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.ActionResult;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
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

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

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
    Inputs input = Inputs.of(request.action(), request.input());
    String repoContentsUrl = input.string("repoContentsUrl", null);
    String path = input.string("catalogInfoPath", "/catalog-info.yaml");
    String catalogInfoUrl = input.string("catalogInfoUrl", null);
    if (repoContentsUrl == null && catalogInfoUrl != null) {
      int blob = catalogInfoUrl.indexOf("/blob/");
      int fileStart = blob < 0 ? -1 : catalogInfoUrl.indexOf('/', blob + "/blob/".length());
      if (fileStart < 0) {
        throw StepFailures.invalidInput(
            "catalog:register: catalogInfoUrl must point into a repository (<repo>/blob/<branch>/<file>)");
      }
      repoContentsUrl = catalogInfoUrl.substring(0, fileStart);
      path = catalogInfoUrl.substring(fileStart);
    }
    if (repoContentsUrl == null) {
      throw StepFailures.invalidInput(
          "catalog:register: input 'repoContentsUrl' or 'catalogInfoUrl' is required");
    }
    String file = path.startsWith("/") ? path.substring(1) : path;
    String repository = repoContentsUrl;
    String content =
        source
            .read(repository, file)
            .orElseThrow(
                () ->
                    StepFailures.invalidInput(
                        "catalog:register: no file '" + file + "' in " + repository));
    List<Entity> entities = parse(content, file);
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
        Map.of("entityRef", entities.get(0).ref(), "catalogInfoUrl", repoContentsUrl + "/" + file));
  }

  @Override
  public void undoCatalogRegister(ActionRequest request) {
    store.deleteFor(request.serviceKey());
  }

  private static List<Entity> parse(String content, String file) {
    List<Entity> entities = new ArrayList<>();
    try (JsonParser parser = YAML.getFactory().createParser(content);
        MappingIterator<Map<String, Object>> docs =
            YAML.readerForMapOf(Object.class).readValues(parser)) {
      while (docs.hasNext()) {
        Map<String, Object> doc = docs.next();
        if (doc != null && !doc.isEmpty()) {
          entities.add(Entity.parse(doc));
        }
      }
    } catch (IOException | RuntimeException e) {
      throw StepFailures.invalidInput(
          "catalog:register: " + file + " is not a valid entity file: " + e.getMessage());
    }
    if (entities.isEmpty()) {
      throw StepFailures.invalidInput("catalog:register: " + file + " holds no entity");
    }
    return entities;
  }
}
