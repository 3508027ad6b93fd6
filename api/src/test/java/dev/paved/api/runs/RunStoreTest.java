package dev.paved.api.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.api.Cursor;
import dev.paved.api.Items;
import dev.paved.api.TestDatabases;
import dev.paved.api.TestDatabases.TestDatabase;
import dev.paved.workflows.goldenpath.RunProgress;
import dev.paved.workflows.goldenpath.RunStatus;
import dev.paved.workflows.steps.FailurePolicy;
import dev.paved.workflows.steps.TemplatePlan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The run records and service claims, on every database Paved supports. */
class RunStoreTest {

  static Stream<TestDatabase> databases() {
    return TestDatabases.all();
  }

  private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

  private static RunStore.NewRun newRun(String id, String name, String idempotencyKey) {
    return new RunStore.NewRun(
        id,
        "java-service",
        "abc123",
        ServiceIdentity.of(Map.of("name", name, "owner", "team-payments"), id),
        "alice",
        idempotencyKey,
        "hash-" + id,
        Map.of("name", name, "owner", "team-payments", "replicas", 2),
        new TemplatePlan(
            "java-service", "abc123", "/t", FailurePolicy.ROLLBACK, List.of(), Map.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void storesAndReadsBackARun(TestDatabase db) {
    RunStore store = new RunStore(JdbcClient.create(db.dataSource()));
    store.insert(newRun("r-1", "checkout", "key-1"), T0);

    RunRecord run = store.find("r-1").orElseThrow();
    assertThat(run.status()).isEqualTo("RUNNING");
    assertThat(run.serviceKey()).isEqualTo("team-payments/checkout");
    assertThat(run.workflowId()).isEqualTo("service:team-payments/checkout");
    assertThat(run.parameters()).containsEntry("replicas", 2);
    assertThat(run.createdAt()).isEqualTo(T0);
    assertThat(store.findByIdempotencyKey("key-1")).map(RunRecord::id).contains("r-1");
    assertThat(store.requestHash("r-1")).contains("hash-r-1");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void recordsProgressAndListsNewestFirstByStatus(TestDatabase db) {
    RunStore store = new RunStore(JdbcClient.create(db.dataSource()));
    store.insert(newRun("r-1", "a", null), T0);
    store.insert(newRun("r-2", "b", null), T0.plusSeconds(1));
    RunProgress done =
        new RunProgress(
            "r-1", "java-service", RunStatus.ROLLED_BACK, List.of(), "x", "boom", Map.of());
    store.recordProgress(done, T0.plusSeconds(5));

    assertThat(store.find("r-1").orElseThrow().progress()).isEqualTo(done);
    assertThat(store.find("r-1").orElseThrow().error()).isEqualTo("boom");
    assertThat(store.list(null, 10)).extracting(RunRecord::id).containsExactly("r-2", "r-1");
    assertThat(store.list("ROLLED_BACK", 10)).extracting(RunRecord::id).containsExactly("r-1");
    assertThat(store.list(null, 1)).hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void pagesFollowEachOtherWithoutRepeatingOrSkippingRunsOfTheSameInstant(TestDatabase db) {
    RunStore store = new RunStore(JdbcClient.create(db.dataSource()));
    store.insert(newRun("r-1", "a", null), T0);
    store.insert(newRun("r-2", "b", null), T0.plusSeconds(1));
    store.insert(newRun("r-3", "c", null), T0.plusSeconds(1));
    store.insert(newRun("r-4", "d", null), T0.plusSeconds(2));

    List<String> seen = new ArrayList<>();
    List<String> cursors = new ArrayList<>();
    Cursor after = null;
    do {
      RunFilter filter = new RunFilter(null, null, null, List.of(), 2 + 1, after);
      Items<RunRecord> page = Items.page(store.list(filter), 2, RunFilter::positionOf, r -> r);
      page.items().forEach(run -> seen.add(run.id()));
      cursors.add(page.nextCursor());
      after = Cursor.decode(page.nextCursor());
    } while (after != null);

    assertThat(seen).containsExactly("r-4", "r-3", "r-2", "r-1");
    assertThat(cursors).hasSize(2).last().isNull();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aServiceNameIsClaimedOnceUntilReleased(TestDatabase db) {
    RunStore store = new RunStore(JdbcClient.create(db.dataSource()));
    assertThat(store.claim("checkout", "team-payments/checkout", "r-1", T0)).isTrue();
    assertThat(store.claim("checkout", "team-search/checkout", "r-2", T0)).isFalse();
    assertThat(store.claimHolder("checkout")).contains("r-1");
    store.releaseClaims("r-1");
    assertThat(store.claim("checkout", "team-search/checkout", "r-2", T0)).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void knowsWhetherAnotherRunIsActiveUnderAWorkflowId(TestDatabase db) {
    RunStore store = new RunStore(JdbcClient.create(db.dataSource()));
    store.insert(newRun("r-1", "checkout", null), T0);
    assertThat(store.hasOtherActiveRun("service:team-payments/checkout", "r-2")).isTrue();
    assertThat(store.hasOtherActiveRun("service:team-payments/checkout", "r-1")).isFalse();
    store.delete("r-1");
    assertThat(store.find("r-1")).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void listsTheRunsInFlightAndCountsTheirRecoveries(TestDatabase db) {
    RunStore store = new RunStore(JdbcClient.create(db.dataSource()));
    store.insert(newRun("r-1", "a", null), T0);
    store.insert(newRun("r-2", "b", null), T0.plusSeconds(1));
    store.insert(newRun("r-3", "c", null), T0.plusSeconds(2));
    store.recordProgress(
        new RunProgress("r-2", "java-service", RunStatus.COMPLETED, List.of(), null, null, null),
        T0);
    assertThat(store.inFlight()).containsExactly("r-1", "r-3");
    assertThat(store.find("r-1").orElseThrow().recoveries()).isZero();
    assertThat(store.find("r-1").orElseThrow().recoveredAt()).isNull();

    store.recovered("r-1", "t-2", T0.plusSeconds(60));
    store.recovered("r-1", "t-3", T0.plusSeconds(90));
    store.failWithoutWorkflow("r-3", "lost", T0.plusSeconds(90));

    RunRecord recovered = store.find("r-1").orElseThrow();
    assertThat(recovered.recoveries()).isEqualTo(2);
    assertThat(recovered.recoveredAt()).isEqualTo(T0.plusSeconds(90));
    assertThat(recovered.temporalRunId()).isEqualTo("t-3");
    assertThat(store.find("r-3").orElseThrow().status()).isEqualTo("FAILED");
    assertThat(store.find("r-3").orElseThrow().error()).isEqualTo("lost");
    assertThat(store.inFlight()).containsExactly("r-1");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aPausedRunIsStillActive(TestDatabase db) {
    RunStore store = new RunStore(JdbcClient.create(db.dataSource()));
    store.insert(newRun("r-1", "checkout", null), T0);
    store.recordProgress(
        new RunProgress(
            "r-1", "java-service", RunStatus.NEEDS_ATTENTION, List.of(), "x", "boom", Map.of()),
        T0);
    assertThat(store.hasOtherActiveRun("service:team-payments/checkout", "r-2")).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void keepsTheFormARerunLinkAndCorrectedParameters(TestDatabase db) {
    RunStore store = new RunStore(JdbcClient.create(db.dataSource()));
    RunStore.NewRun first = newRun("r-1", "checkout", null);
    Map<String, Object> form = Map.of("type", "object", "required", List.of("name"));
    store.insert(first, T0);
    store.insert(
        new RunStore.NewRun(
            "r-2",
            first.template(),
            first.templateVersion(),
            first.identity(),
            "bob",
            null,
            "hash-r-2",
            first.parameters(),
            first.plan(),
            form,
            "r-1"),
        T0);
    store.updateParameters("r-2", Map.of("name", "checkout", "replicas", 3), T0.plusSeconds(1));

    assertThat(store.parameterSchema("r-1")).isEmpty();
    assertThat(store.parameterSchema("r-2")).contains(form);
    RunRecord rerun = store.find("r-2").orElseThrow();
    assertThat(rerun.rerunOf()).isEqualTo("r-1");
    assertThat(rerun.parameters()).containsEntry("replicas", 3);
    assertThat(rerun.updatedAt()).isEqualTo(T0.plusSeconds(1));
    assertThat(store.find("r-1").orElseThrow().rerunOf()).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aClaimPassesOnlyFromTheRunThatHoldsIt(TestDatabase db) {
    RunStore store = new RunStore(JdbcClient.create(db.dataSource()));
    assertThat(store.claim("checkout", "team-payments/checkout", "r-1", T0)).isTrue();

    assertThat(store.takeOverClaim("checkout", "r-9", "r-2")).isFalse();
    assertThat(store.takeOverClaim("checkout", "r-1", "r-2")).isTrue();
    assertThat(store.claimHolder("checkout")).contains("r-2");
    assertThat(store.takeOverClaim("checkout", "r-1", "r-3")).isFalse();
    assertThat(store.takeOverClaim("payments", "r-2", "r-3")).isFalse();
  }
}
