package dev.paved.activities.catalogfile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.paved.activities.support.Inputs;
import dev.paved.activities.support.StepFailures;
import dev.paved.activities.support.Workspaces;
import dev.paved.workflows.actions.CatalogFileActivities;
import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.ActionResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/** {@code catalog:write}: the step's {@code entity} as a YAML file in the run's workspace. */
public final class CatalogFileActivitiesImpl implements CatalogFileActivities {

  private static final YAMLMapper YAML =
      YAMLMapper.builder()
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
          .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
          .build();

  private final Workspaces workspaces;

  public CatalogFileActivitiesImpl(Workspaces workspaces) {
    this.workspaces = workspaces;
  }

  /**
   * Writes {@code entity} to {@code filePath} (default {@code catalog-info.yaml}), replacing it.
   */
  @Override
  public ActionResult catalogWrite(ActionRequest request) {
    String action = "catalog:write";
    Inputs inputs = Inputs.of(action, request.input());
    Map<String, Object> entity = inputs.map("entity");
    if (entity.isEmpty()) {
      throw StepFailures.invalidInput(action + ": input 'entity' is required");
    }
    String filePath = inputs.string("filePath", "catalog-info.yaml");
    Path workspace = workspaces.forRun(request.runId());
    Path file = Workspaces.inside(workspace, filePath);
    if (file.equals(workspace) || filePath.endsWith("/")) {
      throw StepFailures.invalidInput(action + ": filePath must name a file: " + filePath);
    }
    try {
      Files.createDirectories(file.getParent());
      if (!file.getParent().toRealPath().startsWith(workspace.toRealPath())) {
        throw StepFailures.invalidInput(action + ": path leaves the workspace: " + filePath);
      }
      Path partial = file.resolveSibling(".paved-partial-" + file.getFileName());
      Files.writeString(partial, yaml(entity), StandardCharsets.UTF_8);
      Files.move(
          partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ActionResult.of(Map.of());
  }

  static String yaml(Map<String, Object> entity) {
    try {
      return YAML.writeValueAsString(entity);
    } catch (JsonProcessingException e) {
      throw StepFailures.invalidInput("catalog:write: entity cannot be written as YAML");
    }
  }
}
