package dev.paved.api.templates;

import dev.paved.activities.support.WorkspaceArchive;
import dev.paved.activities.support.WorkspaceStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Keeps template snapshots ({@code <data>/template-versions/<hash>}) in the workspace store, where
 * workers on other hosts find them: each version once, when the API loads it and again before a run
 * of it starts (a re-run or a recovered run may name a version loaded before the store was
 * configured). Without a store (workspaces in one shared folder) it does nothing.
 */
public final class SnapshotKeeper implements Consumer<Path> {

  private final WorkspaceStore store;
  private final Set<String> kept = ConcurrentHashMap.newKeySet();

  /** {@code store} null: no store, nothing to keep. */
  public SnapshotKeeper(WorkspaceStore store) {
    this.store = store;
  }

  /** Keeps the snapshot folder unless the store has it; a folder that is no snapshot is left. */
  @Override
  public void accept(Path snapshot) {
    if (store == null || snapshot == null || !Files.isDirectory(snapshot)) {
      return;
    }
    String hash = snapshot.getFileName().toString(); // named by its content hash on every host
    if (kept.contains(hash)) {
      return;
    }
    if (!store.hasTemplate(hash)) {
      store.saveTemplate(hash, WorkspaceArchive.pack(snapshot));
    }
    kept.add(hash);
  }
}
