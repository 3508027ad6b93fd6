package dev.paved.api;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The databases Paved's persistence tests run on: H2 always, and PostgreSQL when one answers. The
 * PostgreSQL server is {@code PAVED_TEST_POSTGRES_URL}, or {@value #DEFAULT_POSTGRES_URL} when that
 * is not set; {@code PAVED_TEST_POSTGRES_URL=none} (or {@code off}) turns the PostgreSQL variants
 * off. The default server is probed once with a short timeout: when it does not answer, the
 * PostgreSQL variants are reported as skipped, with the reason. A server named in {@code
 * PAVED_TEST_POSTGRES_URL} is not probed: if it cannot be reached, its tests fail. Each database
 * gets a fresh schema migrated by Flyway.
 */
public final class TestDatabases {

  /** The server the PostgreSQL tests use when {@code PAVED_TEST_POSTGRES_URL} is not set. */
  public static final String DEFAULT_POSTGRES_URL =
      "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

  private static final Set<String> OFF = Set.of("none", "off", "false", "no", "0");
  private static final int PROBE_TIMEOUT_SECONDS = 2;

  private static Postgres postgres;

  private TestDatabases() {}

  /**
   * A migrated, empty database and its name for test reports. A PostgreSQL database that is not
   * available skips the test that asks for its data source (JUnit reports it skipped, and why).
   */
  public record TestDatabase(String name, DataSource dataSource) {

    @Override
    public DataSource dataSource() {
      if (dataSource instanceof Unavailable unavailable) {
        Assumptions.abort(unavailable.reason);
      }
      return dataSource;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** A migrated in-memory H2 database, for tests whose subject is not the SQL itself. */
  public static TestDatabase h2Only() {
    return migrated("H2", h2());
  }

  /** A migrated H2 database and a migrated PostgreSQL one (which skips if none answers). */
  public static Stream<TestDatabase> all() {
    List<TestDatabase> databases = new ArrayList<>();
    databases.add(h2Only());
    Postgres server = postgres();
    databases.add(
        server.url() == null
            ? new TestDatabase("PostgreSQL", new Unavailable(server.skipReason()))
            : migrated("PostgreSQL", new DriverManagerDataSource(freshSchema(server.url()))));
    return databases.stream();
  }

  /** An empty (not migrated) H2 database and PostgreSQL one, for tests of the migrations. */
  public static Stream<TestDatabase> allEmpty() {
    Postgres server = postgres();
    return Stream.of(
        new TestDatabase("H2", h2()),
        server.url() == null
            ? new TestDatabase("PostgreSQL", new Unavailable(server.skipReason()))
            : new TestDatabase(
                "PostgreSQL", new DriverManagerDataSource(freshSchema(server.url()))));
  }

  /**
   * A JDBC URL of an empty schema on the test PostgreSQL server, for a test that lets the app
   * migrate it; empty when no PostgreSQL answers ({@link #postgresSkipReason()} says why).
   */
  public static Optional<String> postgresSchemaUrl() {
    Postgres server = postgres();
    return server.url() == null ? Optional.empty() : Optional.of(freshSchema(server.url()));
  }

  /** Why the PostgreSQL tests do not run, or empty when they do. */
  public static Optional<String> postgresSkipReason() {
    return Optional.ofNullable(postgres().skipReason());
  }

  private static DataSource h2() {
    return new DriverManagerDataSource(
        "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
  }

  /** The test PostgreSQL server (its URL) or why there is none; decided once per test JVM. */
  private record Postgres(String url, String skipReason) {}

  private static synchronized Postgres postgres() {
    if (postgres == null) {
      postgres = findPostgres();
      if (postgres.skipReason() != null) {
        System.out.println(postgres.skipReason());
      }
    }
    return postgres;
  }

  private static DataSource postgres(String url) {
    return new DriverManagerDataSource(freshSchema(url));
  }

  private static Postgres findPostgres() {
    String configured = System.getenv("PAVED_TEST_POSTGRES_URL");
    if (configured != null && OFF.contains(configured.strip().toLowerCase(Locale.ROOT))) {
      return new Postgres(
          null,
          "PostgreSQL tests skipped: PAVED_TEST_POSTGRES_URL=" + configured + " turns them off");
    }
    if (configured != null && !configured.isBlank()) {
      // named on purpose: not probed, so an unreachable server fails its tests instead
      return new Postgres(configured.strip(), null);
    }
    Properties timeouts = new Properties();
    timeouts.setProperty("connectTimeout", String.valueOf(PROBE_TIMEOUT_SECONDS));
    timeouts.setProperty("loginTimeout", String.valueOf(PROBE_TIMEOUT_SECONDS));
    try (Connection connection = DriverManager.getConnection(DEFAULT_POSTGRES_URL, timeouts)) {
      connection.isValid(PROBE_TIMEOUT_SECONDS);
      return new Postgres(DEFAULT_POSTGRES_URL, null);
    } catch (SQLException e) {
      return new Postgres(
          null,
          "PostgreSQL tests skipped: no PostgreSQL answers at "
              + DEFAULT_POSTGRES_URL
              + " ("
              + e.getMessage()
              + "); set PAVED_TEST_POSTGRES_URL to name another server");
    }
  }

  private static String freshSchema(String url) {
    String schema = "paved_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection connection = DriverManager.getConnection(url)) {
      connection.createStatement().execute("create schema " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reach the test PostgreSQL at " + url, e);
    }
    // The test database may be shared (CI's server): leave no schema behind.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> dropSchema(url, schema)));
    String separator = url.contains("?") ? "&" : "?";
    return url + separator + "currentSchema=" + schema;
  }

  private static void dropSchema(String url, String schema) {
    try (Connection connection = DriverManager.getConnection(url)) {
      connection.createStatement().execute("drop schema if exists " + schema + " cascade");
    } catch (SQLException e) {
      System.err.println("could not drop test schema " + schema + ": " + e.getMessage());
    }
  }

  private static TestDatabase migrated(String name, DataSource dataSource) {
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    return new TestDatabase(name, dataSource);
  }

  /** Stands in for a database that is not there; {@link TestDatabase} skips before using it. */
  private static final class Unavailable implements DataSource {

    private final String reason;

    Unavailable(String reason) {
      this.reason = reason;
    }

    @Override
    public Connection getConnection() {
      Assumptions.abort(reason);
      throw new IllegalStateException(reason);
    }

    @Override
    public Connection getConnection(String username, String password) {
      return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() {
      return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      throw new SQLException(reason);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
      return false;
    }
  }
}
