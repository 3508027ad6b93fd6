package dev.paved.api.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paved.api.Cursor;
import dev.paved.api.Items;
import dev.paved.api.TestDatabases;
import dev.paved.api.TestDatabases.TestDatabase;
import dev.paved.workflows.access.AccessInput;
import dev.paved.workflows.access.AccessSnapshot;
import dev.paved.workflows.access.AccessStatus;
import dev.paved.workflows.approval.ApprovalRule;
import dev.paved.workflows.approval.Decision;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Access requests' records on every database Paved supports. */
class AccessStoreTest {

  private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

  static Stream<TestDatabase> databases() {
    return TestDatabases.all();
  }

  static AccessInput input(String id, String requester) {
    return input(id, requester, "team-payments");
  }

  static AccessInput input(String id, String requester, String owner) {
    return new AccessInput(
        id,
        "component:default/checkout",
        "production",
        "write",
        "INC-1",
        Duration.ofHours(2),
        requester,
        false,
        owner,
        new ApprovalRule(List.of(owner, "sre"), 1),
        Duration.ofHours(24),
        Duration.ofHours(24),
        "platform");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void storesTheLatestSnapshotAndListsByRequesterAndStatus(TestDatabase db) {
    AccessStore store = new AccessStore(JdbcClient.create(db.dataSource()));
    store.insert(AccessSnapshot.requested(input("a-1", "alice"), T0.toEpochMilli()), T0);
    store.insert(
        AccessSnapshot.requested(input("a-2", "carol"), T0.toEpochMilli()), T0.plusSeconds(1));
    AccessSnapshot active =
        new AccessSnapshot(
            input("a-1", "alice"),
            AccessStatus.ACTIVE,
            List.of(new Decision("bob", "approve", "ok", T0.plusSeconds(30).toEpochMilli())),
            T0.toEpochMilli(),
            "local:a-1",
            T0.plusSeconds(31).toEpochMilli(),
            T0.plusSeconds(31).plus(Duration.ofHours(2)).toEpochMilli(),
            null,
            null,
            null,
            null,
            false,
            null,
            null);

    store.record(active, T0.plusSeconds(31));

    AccessStore.Stored found = store.find("a-1").orElseThrow();
    assertThat(found.snapshot()).isEqualTo(active);
    assertThat(found.createdAt()).isEqualTo(T0);
    assertThat(found.updatedAt()).isEqualTo(T0.plusSeconds(31));
    assertThat(store.list(null, null, 10))
        .extracting(AccessStore.Stored::id)
        .containsExactly("a-2", "a-1");
    assertThat(store.list("alice", null, 10))
        .extracting(AccessStore.Stored::id)
        .containsExactly("a-1");
    assertThat(store.list(null, "PENDING", 10))
        .extracting(AccessStore.Stored::id)
        .containsExactly("a-2");
    store.delete("a-2");
    assertThat(store.find("a-2")).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void anIdempotencyKeyIsTheRequestersOwnAndUsedOnce(TestDatabase db) {
    AccessStore store = new AccessStore(JdbcClient.create(db.dataSource()));
    store.insert(AccessSnapshot.requested(input("a-1", "alice"), T0.toEpochMilli()), T0, "k", "h1");
    store.insert(AccessSnapshot.requested(input("a-2", "bob"), T0.toEpochMilli()), T0, "k", "h2");
    store.insert(AccessSnapshot.requested(input("a-3", "alice"), T0.toEpochMilli()), T0);
    store.insert(AccessSnapshot.requested(input("a-4", "alice"), T0.toEpochMilli()), T0);

    assertThatThrownBy(
            () ->
                store.insert(
                    AccessSnapshot.requested(input("a-5", "alice"), T0.toEpochMilli()),
                    T0,
                    "k",
                    "h1"))
        .isInstanceOf(DuplicateKeyException.class);
    AccessStore.Keyed alices = store.findByIdempotencyKey("alice", "k").orElseThrow();
    assertThat(alices.request().id()).isEqualTo("a-1");
    assertThat(alices.requestHash()).isEqualTo("h1");
    assertThat(store.findByIdempotencyKey("bob", "k").orElseThrow().request().id())
        .isEqualTo("a-2");
    assertThat(store.findByIdempotencyKey("carol", "k")).isEmpty();
    // a recorded change keeps the key
    store.record(AccessSnapshot.requested(input("a-1", "alice"), T0.toEpochMilli()), T0);
    assertThat(store.findByIdempotencyKey("alice", "k")).isPresent();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aReaderListsTheirOwnAndWhatTheirGroupsApproveBeforeTheLimit(TestDatabase db) {
    JdbcClient jdbc = JdbcClient.create(db.dataSource());
    AccessStore store = new AccessStore(jdbc);
    insert(store, "a-1", "alice", "team-payments", 0);
    insert(store, "a-2", "carol", "team-search", 1);
    insert(store, "a-3", "carol", "team-search", 2);
    insert(store, "a-4", "dave", "team-payments", 3);
    store.record(
        new AccessSnapshot(
            input("a-3", "carol", "team-search"),
            AccessStatus.ACTIVE,
            List.of(),
            T0.toEpochMilli(),
            "local:a-3",
            T0.toEpochMilli(),
            T0.plusSeconds(7200).toEpochMilli(),
            null,
            null,
            null,
            null,
            false,
            null,
            null),
        T0);
    var alice = new AccessStore.Reader("alice", Set.of("team-payments"));
    var carol = new AccessStore.Reader("carol", Set.of("team-search", "readers"));

    assertThat(store.list(null, null, 2, alice))
        .extracting(AccessStore.Stored::id)
        .containsExactly("a-4", "a-1");
    assertThat(store.list(null, null, 10, carol))
        .extracting(AccessStore.Stored::id)
        .containsExactly("a-3", "a-2");
    assertThat(store.list(null, null, 10, new AccessStore.Reader("sam", Set.of("sre")))).hasSize(4);
    assertThat(store.list(null, null, 10, new AccessStore.Reader("eve", Set.of()))).isEmpty();
    assertThat(store.list(null, null, 10, new AccessStore.Reader("alice", Set.of())))
        .extracting(AccessStore.Stored::id)
        .containsExactly("a-1");
    assertThat(store.list(null, "ACTIVE", 10, carol))
        .extracting(AccessStore.Stored::id)
        .containsExactly("a-3");
    assertThat(store.list(null, "ACTIVE", 10, alice)).isEmpty();
    assertThat(store.list("carol", null, 10, alice)).isEmpty();
    assertThat(store.list("alice", null, 10, alice))
        .extracting(AccessStore.Stored::id)
        .containsExactly("a-1");

    store.delete("a-1");
    assertThat(
            jdbc.sql("select count(*) from access_request_groups where request_id = 'a-1'")
                .query(Integer.class)
                .single())
        .isZero();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void openRequestsAreTheWaitingTheGrantedAndTheUnreviewedBreakGlass(TestDatabase db) {
    AccessStore store = new AccessStore(JdbcClient.create(db.dataSource()));
    insert(store, "a-waiting", "alice", "team-payments", 0);
    insert(store, "a-ended", "alice", "team-payments", 1);
    store.record(ended(input("a-ended", "alice"), null, null), T0);
    AccessInput glass = breakGlass("a-glass");
    store.insert(AccessSnapshot.requested(glass, T0.toEpochMilli()), T0.plusSeconds(2));
    store.record(ended(glass, T0.plusSeconds(3600).toEpochMilli(), null), T0);
    AccessInput reviewed = breakGlass("a-reviewed");
    store.insert(AccessSnapshot.requested(reviewed, T0.toEpochMilli()), T0.plusSeconds(3));
    store.record(ended(reviewed, T0.plusSeconds(3600).toEpochMilli(), "bob"), T0);

    assertThat(store.open())
        .extracting(AccessStore.Stored::id)
        .containsExactly("a-waiting", "a-glass");
  }

  /** sam's break-glass request on checkout. */
  static AccessInput breakGlass(String id) {
    AccessInput base = input(id, "sam");
    return new AccessInput(
        id,
        base.service(),
        base.environment(),
        base.role(),
        base.reason(),
        base.duration(),
        "sam",
        true,
        base.ownerGroup(),
        base.approvers(),
        base.pendingTimeout(),
        base.reviewWindow(),
        base.platformGroup());
  }

  /** Expired; a break-glass one with its review due, acknowledged by {@code by} (or not). */
  private static AccessSnapshot ended(AccessInput input, Long reviewDueAt, String by) {
    return new AccessSnapshot(
        input,
        AccessStatus.EXPIRED,
        List.of(),
        T0.toEpochMilli(),
        "local:" + input.requestId(),
        T0.toEpochMilli(),
        T0.toEpochMilli(),
        T0.toEpochMilli(),
        "paved",
        "revoked at the end of its duration",
        reviewDueAt,
        false,
        by,
        by == null ? null : T0.toEpochMilli());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aReadersPagesFollowEachOtherThroughRequestsOfTheSameInstant(TestDatabase db) {
    AccessStore store = new AccessStore(JdbcClient.create(db.dataSource()));
    insert(store, "a-1", "alice", "team-payments", 0);
    insert(store, "a-2", "carol", "team-search", 1);
    insert(store, "a-3", "dave", "team-payments", 1);
    insert(store, "a-4", "dave", "team-payments", 2);
    var alice = new AccessStore.Reader("alice", Set.of("team-payments"));

    Items<String> first =
        Items.page(
            store.list(null, null, null, 3, alice, null),
            2,
            AccessStore.Stored::position,
            AccessStore.Stored::id);
    Items<String> second =
        Items.page(
            store.list(null, null, null, 3, alice, Cursor.decode(first.nextCursor())),
            2,
            AccessStore.Stored::position,
            AccessStore.Stored::id);

    assertThat(first.items()).containsExactly("a-4", "a-3");
    assertThat(second.items()).containsExactly("a-1");
    assertThat(second.nextCursor()).isNull();
  }

  private static void insert(AccessStore store, String id, String requester, String owner, int s) {
    store.insert(
        AccessSnapshot.requested(input(id, requester, owner), T0.toEpochMilli()),
        T0.plusSeconds(s));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aRecordOfAnUnknownRequestInsertsIt(TestDatabase db) {
    AccessStore store = new AccessStore(JdbcClient.create(db.dataSource()));

    store.record(AccessSnapshot.requested(input("a-9", "sam"), T0.toEpochMilli()), T0);

    assertThat(store.find("a-9")).isPresent();
  }
}
