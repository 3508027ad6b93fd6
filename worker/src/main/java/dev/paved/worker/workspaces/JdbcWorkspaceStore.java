package dev.paved.worker.workspaces;

import dev.paved.activities.support.StepFailures;
import dev.paved.activities.support.WorkspaceStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The workspace store in Paved's database (tables {@code workspace_archives} and {@code
 * template_archives}, made by the API's migrations). A version changes only from the one its writer
 * read, so two attempts of one step on two hosts can never both store. A database that does not
 * answer fails the step's attempt as {@code Unavailable}, which the step's retries cover.
 */
public final class JdbcWorkspaceStore implements WorkspaceStore, AutoCloseable {

  /** SQLSTATE of a unique key already taken, in PostgreSQL and H2. */
  private static final String UNIQUE_VIOLATION = "23505";

  private final DataSource dataSource;
  private final AutoCloseable owned;

  /** On a data source someone else closes (the API's). */
  public JdbcWorkspaceStore(DataSource dataSource) {
    this(dataSource, () -> {});
  }

  /** On a data source of its own, closed with the store. */
  public JdbcWorkspaceStore(DataSource dataSource, AutoCloseable owned) {
    this.dataSource = dataSource;
    this.owned = owned;
  }

  @Override
  public void close() throws Exception {
    owned.close();
  }

  @Override
  public long version(String runId) {
    return query(
        "select version from workspace_archives where run_id = ?",
        runId,
        rows -> rows.next() ? rows.getLong(1) : 0L);
  }

  @Override
  public Optional<Stored> load(String runId) {
    return query(
        "select version, archive from workspace_archives where run_id = ?",
        runId,
        rows ->
            rows.next()
                ? Optional.of(new Stored(rows.getLong(1), rows.getBytes(2)))
                : Optional.empty());
  }

  @Override
  public boolean save(String runId, long expected, byte[] archive) {
    try (Connection connection = dataSource.getConnection()) {
      if (expected == 0) {
        try (PreparedStatement insert =
            connection.prepareStatement(
                "insert into workspace_archives (run_id, version, archive, size_bytes, updated_at)"
                    + " values (?, 1, ?, ?, ?)")) {
          insert.setString(1, runId);
          insert.setBytes(2, archive);
          insert.setLong(3, archive.length);
          insert.setTimestamp(4, Timestamp.from(Instant.now()));
          return insert.executeUpdate() == 1;
        } catch (SQLException e) {
          if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
            return false;
          }
          throw e;
        }
      }
      try (PreparedStatement update =
          connection.prepareStatement(
              "update workspace_archives set version = version + 1, archive = ?, size_bytes = ?,"
                  + " updated_at = ? where run_id = ? and version = ?")) {
        update.setBytes(1, archive);
        update.setLong(2, archive.length);
        update.setTimestamp(3, Timestamp.from(Instant.now()));
        update.setString(4, runId);
        update.setLong(5, expected);
        return update.executeUpdate() == 1;
      }
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  @Override
  public void delete(String runId) {
    update("delete from workspace_archives where run_id = ?", runId);
  }

  @Override
  public Optional<byte[]> template(String hash) {
    return query(
        "select archive from template_archives where hash = ?",
        hash,
        rows -> rows.next() ? Optional.of(rows.getBytes(1)) : Optional.empty());
  }

  @Override
  public boolean hasTemplate(String hash) {
    return query("select 1 from template_archives where hash = ?", hash, ResultSet::next);
  }

  @Override
  public void saveTemplate(String hash, byte[] archive) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "insert into template_archives (hash, archive, size_bytes, created_at)"
                    + " values (?, ?, ?, ?)")) {
      insert.setString(1, hash);
      insert.setBytes(2, archive);
      insert.setLong(3, archive.length);
      insert.setTimestamp(4, Timestamp.from(Instant.now()));
      insert.executeUpdate();
    } catch (SQLException e) {
      if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw unavailable(e); // taken: another API kept the same content first
      }
    }
  }

  private interface Rows<T> {
    T read(ResultSet rows) throws SQLException;
  }

  private <T> T query(String sql, String key, Rows<T> reader) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, key);
      try (ResultSet rows = statement.executeQuery()) {
        return reader.read(rows);
      }
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  private void update(String sql, String key) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, key);
      statement.executeUpdate();
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  private static RuntimeException unavailable(SQLException e) {
    return StepFailures.unavailable("the workspace store did not answer: " + e.getMessage(), e);
  }
}
