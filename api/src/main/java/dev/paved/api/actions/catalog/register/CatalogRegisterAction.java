package dev.paved.api.actions.catalog.register;

import static dev.paved.activities.support.PlannedStep.resource;

import dev.paved.activities.actions.Action;
import dev.paved.activities.actions.PreviewContext;
import dev.paved.activities.support.PlannedStep;
import dev.paved.activities.support.StepFailures;
import dev.paved.activities.support.Workspaces;
import dev.paved.api.catalog.CatalogLocation;
import dev.paved.api.catalog.CatalogSource;
import dev.paved.api.catalog.Entity;
import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.StepClass;
import dev.paved.workflows.steps.TaskQueues;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code catalog:register}: declared in the API, since it runs on the API's queue (it writes
 * Paved's database; {@code CatalogActivitiesImpl} is registered there) and its preview reads the
 * catalog.
 */
public final class CatalogRegisterAction extends Action {

  public CatalogRegisterAction() {
    super(
        "catalog:register",
        "Reads the entity file from the repository a step published and stores its entities in"
            + " Paved's catalog, marked with the service. Undo: removes the entities registered for"
            + " this service.",
        "CatalogRegister",
        StepClass.EXTERNAL);
  }

  @Override
  public String undoActivityType() {
    return "UndoCatalogRegister";
  }

  @Override
  public String taskQueue() {
    return TaskQueues.API;
  }

  /**
   * The entity file of a repository this dry run publishes is read from the folder it would
   * publish; any other repository is read as it is (reading changes nothing).
   */
  @Override
  public PlannedStep preview(ActionRequest request, PreviewContext context) {
    CatalogLocation location = CatalogLocation.of(request.input());
    Path folder = context.publishedFolder(location.repoContentsUrl()).orElse(null);
    String content;
    if (folder != null) {
      Path file = Workspaces.inside(folder, location.file());
      try {
        content = Files.isRegularFile(file) ? Files.readString(file) : null;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    } else {
      content =
          context
              .provider(CatalogSource.class)
              .read(location.repoContentsUrl(), location.file())
              .orElse(null);
    }
    if (content == null) {
      throw StepFailures.invalidInput(
          "catalog:register: no file '" + location.file() + "' in " + location.repoContentsUrl());
    }
    List<Entity> entities = Entity.parseFile(content, location.file());
    List<Map<String, Object>> resources = new ArrayList<>();
    for (Entity entity : entities) {
      resources.add(resource("catalog-entity", "entityRef", entity.ref(), "entity", entity.body()));
    }
    return new PlannedStep(
        Map.of("entityRef", entities.get(0).ref(), "catalogInfoUrl", location.catalogInfoUrl()),
        resources);
  }
}
