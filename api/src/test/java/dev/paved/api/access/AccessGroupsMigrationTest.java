package dev.paved.api.access;

import static dev.paved.api.access.AccessStoreTest.input;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.paved.api.TestDatabases;
import dev.paved.api.TestDatabases.TestDatabase;
import dev.paved.workflows.access.AccessInput;
import dev.paved.workflows.access.AccessSnapshot;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Requests made before approver groups had rows of their own (V6) get them from their stored
 * snapshot (V6_1), so their approvers still see them; on every database Paved supports.
 */
class AccessGroupsMigrationTest {

  private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

  static Stream<TestDatabase> emptyDatabases() {
    return TestDatabases.allEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("emptyDatabases")
  void earlierRequestsGetTheirApproverGroups(TestDatabase database) throws Exception {
    DataSource db = database.dataSource();
    Flyway.configure()
        .dataSource(db)
        .locations("classpath:db/migration")
        .target("5")
        .load()
        .migrate();
    JdbcClient jdbc = JdbcClient.create(db);
    insertAsBefore(jdbc, input("a-1", "alice", "team-payments"));
    insertAsBefore(jdbc, input("a-2", "carol", "team-search"));

    Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();

    assertThat(
            jdbc.sql(
                    "select request_id || ' ' || group_name from access_request_groups"
                        + " order by request_id, group_name")
                .query(String.class)
                .list())
        .containsExactly("a-1 sre", "a-1 team-payments", "a-2 sre", "a-2 team-search");
    assertThat(
            new AccessStore(jdbc)
                .list(null, null, 10, new AccessStore.Reader("bob", Set.of("team-payments"))))
        .extracting(AccessStore.Stored::id)
        .containsExactly("a-1");
  }

  /** A row as Paved wrote it before V6: no group rows. */
  private static void insertAsBefore(JdbcClient jdbc, AccessInput request) throws Exception {
    jdbc.sql(
            """
            insert into access_requests (id, workflow_id, service, environment, role,
              requested_by, owner_group, break_glass, status, snapshot, created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?)""")
        .params(
            request.requestId(),
            AccessInput.workflowId(request.requestId()),
            request.service(),
            request.environment(),
            request.role(),
            request.requestedBy(),
            request.ownerGroup(),
            false,
            JSON.writeValueAsString(AccessSnapshot.requested(request, T0.toEpochMilli())),
            Timestamp.from(T0),
            Timestamp.from(T0))
        .update();
  }
}
