package dev.paved.activities.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.paved.activities.support.Effects;
import dev.paved.activities.support.Workspaces;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Dashboards as code: the dashboard JSON goes into the run's workspace at {@code
 * <targetPath>/<name>.json}, and from there into the GitOps pull request.
 */
public final class LocalDashboardProvider implements DashboardProvider {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Workspaces workspaces;

  public LocalDashboardProvider(Workspaces workspaces) {
    this.workspaces = workspaces;
  }

  @Override
  public PublishedDashboard publish(DashboardRequest request) {
    Path file = file(request);
    String effect = "dashboard file " + request.targetPath() + "/" + request.name() + ".json";
    Effects.intend(effect);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, JSON.writeValueAsString(request.dashboard()) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Effects.made(effect);
    Path workspace = workspaces.forRun(request.runId());
    String path = workspace.relativize(file).toString().replace('\\', '/');
    return new PublishedDashboard(request.uid(), path, request.title(), null);
  }

  /** Deletes the file only when it holds this service's dashboard (same uid). */
  @Override
  public void delete(DashboardRequest request) {
    Path file = file(request);
    if (!Files.isRegularFile(file)) {
      return;
    }
    try {
      JsonNode existing = JSON.readTree(file.toFile());
      if (existing != null && request.uid().equals(existing.path("uid").asText(null))) {
        Files.delete(file);
      }
    } catch (IOException e) {
      // Not JSON Paved wrote: someone else's file, so it stays.
    }
  }

  private Path file(DashboardRequest request) {
    Path folder = workspaces.resolve(request.runId(), request.targetPath());
    return Workspaces.inside(folder, request.name() + ".json");
  }
}
