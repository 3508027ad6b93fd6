package dev.paved.activities.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The runs' scratch folders under {@code <data dir>/workspaces/<run id>}. Every path a step names
 * is resolved here and refused when it would leave the run's workspace.
 */
public final class Workspaces {

  private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

  private final Path root;

  public Workspaces(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** The run's workspace, made if absent. */
  public Path forRun(String runId) {
    Path dir = root.resolve(requireRunId(runId));
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code runId}, when it can name a folder; InvalidInput when it cannot. */
  public static String requireRunId(String runId) {
    if (runId == null || !RUN_ID.matcher(runId).matches()) {
      throw StepFailures.invalidInput("not a run id: " + runId);
    }
    return runId;
  }

  /**
   * A path inside the run's workspace; {@code relative} may be null or "." for the workspace
   * itself. InvalidInput when it is absolute or climbs out of the workspace.
   */
  public Path resolve(String runId, String relative) {
    Path workspace = forRun(runId);
    return inside(workspace, relative);
  }

  /** {@code relative} resolved under {@code base}, refused when it would leave {@code base}. */
  public static Path inside(Path base, String relative) {
    if (relative == null || relative.isBlank() || relative.equals(".") || relative.equals("./")) {
      return base;
    }
    Path candidate;
    try {
      candidate = Path.of(relative);
    } catch (InvalidPathException e) {
      throw StepFailures.invalidInput("not a path: " + relative.replace('\0', '?'));
    }
    if (candidate.isAbsolute()) {
      throw StepFailures.invalidInput("path must be relative to the workspace: " + relative);
    }
    Path resolved = base.resolve(candidate).normalize();
    if (!resolved.startsWith(base)) {
      throw StepFailures.invalidInput("path leaves the workspace: " + relative);
    }
    return resolved;
  }

  public Path root() {
    return root;
  }
}
