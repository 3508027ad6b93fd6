package dev.paved.activities.filesystem;

import dev.paved.activities.support.FileTrees;
import dev.paved.activities.support.Inputs;
import dev.paved.activities.support.StepFailures;
import dev.paved.activities.support.Workspaces;
import dev.paved.workflows.actions.FilesystemActivities;
import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.ActionResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code fs:delete} and {@code fs:rename}: change what earlier steps put in the run's workspace,
 * with Backstage's inputs. Both are safe to retry: what is already deleted or moved is done.
 */
public final class FilesystemActivitiesImpl implements FilesystemActivities {

  private static final Logger LOG = LoggerFactory.getLogger(FilesystemActivitiesImpl.class);

  private final Workspaces workspaces;

  public FilesystemActivitiesImpl(Workspaces workspaces) {
    this.workspaces = workspaces;
  }

  /** Deletes each of {@code files} (a path or a glob pattern); a path already gone is fine. */
  @Override
  public ActionResult fsDelete(ActionRequest request) {
    String action = "fs:delete";
    List<String> files = strings(action, Inputs.of(action, request.input()).list("files"), "files");
    Path workspace = workspaces.forRun(request.runId());
    List<Path> targets = new ArrayList<>();
    for (String file : files) {
      if (WorkspacePaths.isGlob(file)) {
        targets.addAll(WorkspacePaths.matching(action, workspace, file));
      } else {
        targets.add(WorkspacePaths.inside(action, workspace, file));
      }
    }
    try {
      for (Path target : targets) {
        if (FileTrees.delete(target)) {
          LOG.info(
              "run {} step {}: deleted {}",
              request.runId(),
              request.stepId(),
              WorkspacePaths.relative(workspace, target));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ActionResult.of(Map.of());
  }

  /** Moves each {@code from} to its {@code to}; an existing {@code to} needs {@code overwrite}. */
  @Override
  public ActionResult fsRename(ActionRequest request) {
    String action = "fs:rename";
    List<Object> files = Inputs.of(action, request.input()).list("files");
    if (files.isEmpty()) {
      throw StepFailures.invalidInput(action + ": input 'files' must be a list of {from, to}");
    }
    Path workspace = workspaces.forRun(request.runId());
    for (Object item : files) {
      if (!(item instanceof Map<?, ?> rawFile)) {
        throw StepFailures.invalidInput(action + ": each file must have a from and to property");
      }
      @SuppressWarnings("unchecked")
      Inputs file = Inputs.of(action, (Map<String, Object>) rawFile);
      Path from = WorkspacePaths.inside(action, workspace, file.requiredString("from"));
      Path to = WorkspacePaths.inside(action, workspace, file.requiredString("to"));
      move(action, workspace, from, to, file.bool("overwrite", false));
    }
    return ActionResult.of(Map.of());
  }

  private static void move(String action, Path workspace, Path from, Path to, boolean overwrite) {
    String names =
        WorkspacePaths.relative(workspace, from) + " to " + WorkspacePaths.relative(workspace, to);
    boolean fromExists = Files.exists(from, LinkOption.NOFOLLOW_LINKS);
    boolean toExists = Files.exists(to, LinkOption.NOFOLLOW_LINKS);
    if (!fromExists && toExists) {
      return; // an earlier attempt moved it
    }
    if (!fromExists) {
      throw StepFailures.invalidInput(action + ": nothing to move at " + names);
    }
    if (to.startsWith(from)) {
      throw StepFailures.invalidInput(action + ": cannot move a folder into itself: " + names);
    }
    if (toExists && !overwrite) {
      throw StepFailures.invalidInput(
          action + ": destination exists (set overwrite: true to replace it): " + names);
    }
    try {
      if (toExists) {
        FileTrees.delete(to);
      }
      Files.createDirectories(to.getParent());
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> strings(String action, List<Object> values, String field) {
    if (values.isEmpty()) {
      throw StepFailures.invalidInput(action + ": input '" + field + "' must be a list of paths");
    }
    List<String> strings = new ArrayList<>();
    for (Object value : values) {
      if (!(value instanceof String text) || text.isBlank()) {
        throw StepFailures.invalidInput(action + ": every entry of '" + field + "' is a path");
      }
      strings.add(text);
    }
    return strings;
  }
}
