package dev.paved.activities.support;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The workspace store's contract in memory, for the sync's tests. */
final class MemoryWorkspaceStore implements WorkspaceStore {

  final Map<String, Stored> workspaces = new ConcurrentHashMap<>();
  final Map<String, byte[]> templates = new ConcurrentHashMap<>();

  @Override
  public long version(String runId) {
    Stored stored = workspaces.get(runId);
    return stored == null ? 0 : stored.version();
  }

  @Override
  public Optional<Stored> load(String runId) {
    return Optional.ofNullable(workspaces.get(runId));
  }

  @Override
  public synchronized boolean save(String runId, long expected, byte[] archive) {
    if (version(runId) != expected) {
      return false;
    }
    workspaces.put(runId, new Stored(expected + 1, archive));
    return true;
  }

  @Override
  public void delete(String runId) {
    workspaces.remove(runId);
  }

  @Override
  public Optional<byte[]> template(String hash) {
    return Optional.ofNullable(templates.get(hash));
  }

  @Override
  public boolean hasTemplate(String hash) {
    return templates.containsKey(hash);
  }

  @Override
  public void saveTemplate(String hash, byte[] archive) {
    templates.putIfAbsent(hash, archive);
  }
}
