package dev.paved.api.workspaces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.paved.api.TestDatabases;
import dev.paved.api.TestDatabases.TestDatabase;
import dev.paved.worker.workspaces.JdbcWorkspaceStore;
import io.temporal.failure.ApplicationFailure;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The workspace store on Paved's migrated schema, on H2 and PostgreSQL. */
class JdbcWorkspaceStoreTest {

  static Stream<TestDatabase> databases() {
    return TestDatabases.all();
  }

  static final String RUN = "r-00000000000000b2";

  /** Bytes a compressed archive could hold: every value a byte takes. */
  static byte[] bytes(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void storesEachVersionOnlyOverTheOneItsWriterRead(TestDatabase database) {
    JdbcWorkspaceStore store = new JdbcWorkspaceStore(database.dataSource());
    assertThat(store.version(RUN)).isZero();
    assertThat(store.load(RUN)).isEmpty();

    byte[] first = bytes(300_000, 1);
    assertThat(store.save(RUN, 0, first)).isTrue();
    assertThat(store.save(RUN, 0, bytes(10, 2))).as("a second first version").isFalse();
    byte[] second = bytes(50, 3);
    assertThat(store.save(RUN, 1, second)).isTrue();
    assertThat(store.save(RUN, 1, bytes(10, 4))).as("over a version gone").isFalse();

    assertThat(store.version(RUN)).isEqualTo(2);
    assertThat(store.load(RUN).orElseThrow().archive()).isEqualTo(second);

    store.delete(RUN);
    assertThat(store.version(RUN)).isZero();
    store.delete(RUN); // nothing left: nothing to do
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void keepsATemplateVersionOnceByItsHash(TestDatabase database) {
    JdbcWorkspaceStore store = new JdbcWorkspaceStore(database.dataSource());
    byte[] archive = bytes(2_000, 5);
    assertThat(store.hasTemplate("abc")).isFalse();

    store.saveTemplate("abc", archive);
    store.saveTemplate("abc", bytes(10, 6)); // another API kept the same content first

    assertThat(store.hasTemplate("abc")).isTrue();
    assertThat(store.template("abc").orElseThrow()).isEqualTo(archive);
    assertThat(store.template("other")).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void aDatabaseThatDoesNotAnswerFailsTheAttemptAsUnavailable() {
    DriverManagerDataSource nowhere =
        new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/paved?connectTimeout=1");
    JdbcWorkspaceStore store = new JdbcWorkspaceStore(nowhere);

    ApplicationFailure failure =
        catchThrowableOfType(ApplicationFailure.class, () -> store.version(RUN));

    assertThat(failure.getType()).isEqualTo("Unavailable");
    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getOriginalMessage()).startsWith("the workspace store did not answer");
  }
}
