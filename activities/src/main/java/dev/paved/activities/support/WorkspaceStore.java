package dev.paved.activities.support;

import java.util.Optional;

/**
 * Where every worker reaches the runs' workspaces and the templates' snapshots, so workers share
 * nothing but Temporal and this store (Paved's database: {@code JdbcWorkspaceStore}). A run's
 * workspace is one archive ({@link WorkspaceArchive}) with a version that counts its changes.
 */
public interface WorkspaceStore {

  /** A stored workspace. */
  record Stored(long version, byte[] archive) {}

  /** The version of the run's stored workspace; 0 when none is stored. */
  long version(String runId);

  /** The run's stored workspace, or empty. */
  Optional<Stored> load(String runId);

  /**
   * Stores {@code archive} as version {@code expected + 1} when the stored version is still {@code
   * expected} (0: none stored); false, storing nothing, when another step stored first.
   */
  boolean save(String runId, long expected, byte[] archive);

  /** Forgets the run's workspace (the run has ended); nothing to do when none is stored. */
  void delete(String runId);

  /** The snapshot of a template version, by its content hash, or empty. */
  Optional<byte[]> template(String hash);

  /** Whether a template version's snapshot is kept. */
  boolean hasTemplate(String hash);

  /** Keeps a template version's snapshot, unless one with this hash is kept already. */
  void saveTemplate(String hash, byte[] archive);
}
