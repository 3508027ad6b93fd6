package dev.paved.activities.support;

import dev.paved.workflows.steps.ActionRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Test helpers for a second run of the same service (a re-run). */
public final class Reruns {

  private Reruns() {}

  /** The same step request as the run {@code runId} would send it. */
  public static ActionRequest asRun(ActionRequest request, String runId) {
    return new ActionRequest(
        runId,
        request.serviceKey(),
        request.stepId(),
        request.action(),
        request.input(),
        request.templateLocation(),
        request.requestedBy());
  }

  /**
   * Gives run {@code to} a copy of run {@code from}'s workspace, as its own earlier steps would.
   */
  public static void copyWorkspace(Workspaces workspaces, String from, String to)
      throws IOException {
    Path source = workspaces.forRun(from);
    Path target = workspaces.forRun(to);
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(source)) {
      paths = walk.toList();
    }
    for (Path path : paths) {
      Path copy = target.resolve(source.relativize(path).toString());
      if (Files.isDirectory(path)) {
        Files.createDirectories(copy);
      } else {
        Files.copy(path, copy);
      }
    }
  }
}
