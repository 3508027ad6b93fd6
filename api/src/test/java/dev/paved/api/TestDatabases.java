package dev.paved.api;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The databases Paved's persistence tests run on: H2 always, PostgreSQL too when {@code
 * PAVED_TEST_POSTGRES_URL} names one (CI sets it). Each gets a fresh schema migrated by Flyway.
 */
public final class TestDatabases {

  private TestDatabases() {}

  /** A migrated, empty database and its name for test reports. */
  public record TestDatabase(String name, DataSource dataSource) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** A migrated in-memory H2 database, for tests whose subject is not the SQL itself. */
  public static TestDatabase h2Only() {
    return migrated("H2", h2());
  }

  public static Stream<TestDatabase> all() {
    List<TestDatabase> databases = new ArrayList<>();
    databases.add(h2Only());
    String postgres = System.getenv("PAVED_TEST_POSTGRES_URL");
    if (postgres == null || postgres.isBlank()) {
      System.out.println(
          "PostgreSQL persistence tests skipped: set PAVED_TEST_POSTGRES_URL"
              + " (for example jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres)");
    } else {
      databases.add(migrated("PostgreSQL", postgres(postgres)));
    }
    return databases.stream();
  }

  private static DataSource h2() {
    return new DriverManagerDataSource(
        "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
  }

  /**
   * A JDBC URL of an empty schema on the PostgreSQL of {@code PAVED_TEST_POSTGRES_URL}, for a test
   * that lets the app migrate it; empty when no PostgreSQL is named.
   */
  public static Optional<String> postgresSchemaUrl() {
    String postgres = System.getenv("PAVED_TEST_POSTGRES_URL");
    if (postgres == null || postgres.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(freshSchema(postgres));
  }

  /**
   * A JDBC URL of an empty schema on the PostgreSQL server at {@code serverUrl}, for a test that
   * lets the app migrate it; the schema is dropped when the JVM ends.
   */
  public static String postgresSchemaUrl(String serverUrl) {
    return freshSchema(serverUrl);
  }

  private static DataSource postgres(String url) {
    return new DriverManagerDataSource(freshSchema(url));
  }

  private static String freshSchema(String url) {
    String schema = "paved_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection connection = DriverManager.getConnection(url)) {
      connection.createStatement().execute("create schema " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reach PostgreSQL at PAVED_TEST_POSTGRES_URL", e);
    }
    // The test database is shared (CI's server): leave no schema behind.
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
}
