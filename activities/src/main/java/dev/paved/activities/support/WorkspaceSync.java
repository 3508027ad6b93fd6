package dev.paved.activities.support;

import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.ActionSurroundings;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each run's workspace in the {@link WorkspaceStore}, so any worker can run any step of any
 * run with no folder shared between hosts. Around each attempt of an action:
 *
 * <ul>
 *   <li>before: the local copy of the run's workspace is used when it is the stored version as
 *       stored; otherwise (another worker changed it, this host never had it, or an earlier attempt
 *       here failed half-way) the stored version is unpacked in its place, or it is emptied when
 *       nothing is stored yet. The template's snapshot is unpacked from the store when this host
 *       has no copy of it.
 *   <li>after a success: when the step changed the workspace, the workspace is stored as the next
 *       version. When another attempt stored first (a step cut off and retried elsewhere while it
 *       still ran), the attempt fails and is retried on the newer version; the steps that change a
 *       workspace make the same files from the same input, so the retry changes nothing else.
 * </ul>
 *
 * <p>A failed attempt stores nothing: the next attempt starts from the workspace as the last step
 * that succeeded left it. What this host knows of each local copy (its version and fingerprint)
 * lives in {@code <workspaces>/.state/<run id>}.
 */
public final class WorkspaceSync implements ActionSurroundings {

  private static final Logger log = LoggerFactory.getLogger(WorkspaceSync.class);

  /** Failure type of an attempt whose workspace another attempt stored first; retried. */
  public static final String CHANGED_ELSEWHERE = "WorkspaceChangedElsewhere";

  private final Workspaces workspaces;
  private final Path templateVersions;
  private final WorkspaceStore store;
  private final Path states;
  private final ReentrantLock[] locks = new ReentrantLock[64];

  /**
   * @param templateVersions this host's folder of template snapshots ({@code
   *     <data>/template-versions})
   */
  public WorkspaceSync(Workspaces workspaces, Path templateVersions, WorkspaceStore store) {
    this.workspaces = workspaces;
    this.templateVersions = templateVersions.toAbsolutePath().normalize();
    this.store = store;
    this.states = workspaces.root().resolve(".state");
    for (int i = 0; i < locks.length; i++) {
      locks[i] = new ReentrantLock();
    }
  }

  @Override
  public <T> T around(ActionRequest request, Function<ActionRequest, T> step) {
    ActionRequest local = withLocalTemplate(request);
    String runId = request.runId();
    ReentrantLock lock = locks[Math.floorMod(runId.hashCode(), locks.length)];
    // Locked while the copy is brought up to date and while it is stored, not while the step runs:
    // a step cut off by a cancel decision runs on to its end, and the rollback's undos must not
    // wait for it.
    State state;
    lock.lock();
    try {
      state = bringUpToDate(runId);
    } finally {
      lock.unlock();
    }
    T result = step.apply(local);
    lock.lock();
    try {
      keep(runId, state);
    } finally {
      lock.unlock();
    }
    return result;
  }

  /** Forgets the run's workspace here and in the store: the run has ended. */
  public void forget(String runId) {
    store.delete(runId);
    try {
      Files.deleteIfExists(stateFile(runId));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Deletes this host's copies of workspaces whose run has ended elsewhere (the store holds none)
   * and that no step here touched for {@code idle}; returns how many. Another worker's clean-up
   * ends a run, so each worker sweeps its own disk.
   */
  public int sweep(Duration idle) {
    if (!Files.isDirectory(states)) {
      return 0;
    }
    Instant before = Instant.now().minus(idle);
    int swept = 0;
    try (Stream<Path> files = Files.list(states)) {
      for (Path file : files.toList()) {
        String runId = file.getFileName().toString();
        if (runId.startsWith(".")
            || Files.getLastModifiedTime(file).toInstant().isAfter(before)
            || store.version(runId) != 0) {
          continue;
        }
        ReentrantLock lock = locks[Math.floorMod(runId.hashCode(), locks.length)];
        lock.lock();
        try {
          FileTrees.delete(workspaces.forRun(runId));
          Files.deleteIfExists(file);
          swept++;
        } finally {
          lock.unlock();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return swept;
  }

  private State bringUpToDate(String runId) {
    Path workspace = workspaces.forRun(runId);
    long stored = store.version(runId);
    State known = readState(runId);
    String fingerprint = WorkspaceArchive.fingerprint(workspace);
    if (known != null && known.version == stored && known.fingerprint.equals(fingerprint)) {
      return known;
    }
    if (stored == 0) {
      if (!fingerprint.equals(WorkspaceArchive.EMPTY)) {
        // what an attempt that failed here left, before anything was stored: start clean
        emptyFolder(workspace);
      }
      return writeState(runId, new State(0, WorkspaceArchive.EMPTY));
    }
    WorkspaceStore.Stored latest =
        store
            .load(runId)
            .orElseThrow(
                () ->
                    StepFailures.unavailable(
                        "the workspace of run " + runId + " left the store while it was read",
                        null));
    WorkspaceArchive.unpack(latest.archive(), workspace);
    log.info(
        "run {}: workspace version {} brought from the store ({} KB)",
        runId,
        latest.version(),
        (latest.archive().length + 1023) / 1024);
    return writeState(runId, new State(latest.version(), WorkspaceArchive.fingerprint(workspace)));
  }

  private void keep(String runId, State before) {
    Path workspace = workspaces.forRun(runId);
    String fingerprint = WorkspaceArchive.fingerprint(workspace);
    if (fingerprint.equals(before.fingerprint)) {
      return;
    }
    byte[] archive = WorkspaceArchive.pack(workspace);
    if (!store.save(runId, before.version, archive)) {
      throw ApplicationFailure.newFailure(
          "the workspace of run "
              + runId
              + " was changed by another attempt while this one ran; trying again on it",
          CHANGED_ELSEWHERE);
    }
    writeState(runId, new State(before.version + 1, fingerprint));
    log.debug(
        "run {}: workspace version {} stored ({} bytes)",
        runId,
        before.version + 1,
        archive.length);
  }

  /**
   * The request with its template's folder on this host: a snapshot ({@code
   * .../template-versions/<hash>}, wherever the API keeps it) is read from this host's own
   * snapshots, unpacked from the store when this host has none; another folder (a plan recorded
   * before snapshots) is used as it is.
   */
  private ActionRequest withLocalTemplate(ActionRequest request) {
    String location = request.templateLocation();
    if (location == null || location.isBlank()) {
      return request;
    }
    Path given = Path.of(location);
    Path parent = given.getParent();
    if (parent == null
        || parent.getFileName() == null
        || !parent.getFileName().toString().equals(templateVersions.getFileName().toString())) {
      return request;
    }
    String hash = given.getFileName().toString();
    Path local = Workspaces.inside(templateVersions, hash);
    if (!Files.isDirectory(local)) {
      byte[] archive =
          store
              .template(hash)
              .orElseThrow(
                  () ->
                      StepFailures.unavailable(
                          "template version "
                              + hash
                              + " is not on this worker and not in the workspace store: the API"
                              + " keeps each version it loads there when"
                              + " PAVED_WORKSPACES_STORE=database",
                          null));
      // other runs' steps on this host may be unpacking or reading the same version
      WorkspaceArchive.unpackIfAbsent(archive, local);
      log.info("template version {} brought from the store", hash);
    }
    if (local.toString().equals(location)) {
      return request;
    }
    return new ActionRequest(
        request.runId(),
        request.serviceKey(),
        request.stepId(),
        request.action(),
        request.input(),
        local.toString(),
        request.requestedBy());
  }

  private static void emptyFolder(Path workspace) {
    try {
      FileTrees.delete(workspace);
      Files.createDirectories(workspace);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record State(long version, String fingerprint) {}

  private Path stateFile(String runId) {
    return states.resolve(Workspaces.requireRunId(runId));
  }

  private State readState(String runId) {
    Path file = stateFile(runId);
    try {
      if (!Files.isRegularFile(file)) {
        return null;
      }
      String[] parts = Files.readString(file, StandardCharsets.UTF_8).strip().split(" ");
      return parts.length == 2 ? new State(Long.parseLong(parts[0]), parts[1]) : null;
    } catch (IOException | NumberFormatException unreadable) {
      return null; // unknown: the stored version is unpacked again
    }
  }

  private State writeState(String runId, State state) {
    Path file = stateFile(runId);
    try {
      Files.createDirectories(states);
      Path partial = Files.createTempFile(states, "." + runId, ".partial");
      Files.writeString(partial, state.version + " " + state.fingerprint, StandardCharsets.UTF_8);
      Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return state;
  }
}
