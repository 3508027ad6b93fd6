package dev.paved.api.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.paved.activities.support.Workspaces;
import dev.paved.api.TestDatabases;
import dev.paved.worker.TemporalProperties;
import dev.paved.workflows.goldenpath.RunInput;
import dev.paved.workflows.goldenpath.RunProgress;
import dev.paved.workflows.goldenpath.RunStatus;
import dev.paved.workflows.goldenpath.StepProgress;
import dev.paved.workflows.goldenpath.StepStatus;
import dev.paved.workflows.goldenpath.UndoProgress;
import dev.paved.workflows.steps.FailurePolicy;
import dev.paved.workflows.steps.StepPlan;
import dev.paved.workflows.steps.TemplatePlan;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Which runs local mode starts again after a restart, with what, and what it records. */
class RunRecoveryTest {

  private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
  private static final Instant RESTART = T0.plusSeconds(3600);

  @TempDir Path dir;
  private final RunWorkflows workflows = mock(RunWorkflows.class);
  private RunStore store;
  private Workspaces workspaces;

  @BeforeEach
  void records() {
    store = new RunStore(JdbcClient.create(TestDatabases.h2Only().dataSource()));
    workspaces = new Workspaces(dir.resolve("workspaces"));
    insert("r-running", "checkout");
    insert("r-done", "search");
    store.recordProgress(
        new RunProgress("r-done", "java-service", RunStatus.COMPLETED, List.of(), null, null, null),
        T0);
  }

  private RunRecovery recovery(String target) {
    return new RunRecovery(
        new TemporalProperties(target, 0, "default", null, null, null),
        store,
        workflows,
        workspaces,
        java.util.Optional.empty(),
        Clock.fixed(RESTART, ZoneOffset.UTC));
  }

  @Test
  void startsEveryRunInFlightAgainFromItsRecordedInputs() throws Exception {
    Path leftover = Files.writeString(workspaces.forRun("r-running").resolve("half.txt"), "x");
    when(workflows.start(any(), any()))
        .thenReturn(WorkflowExecution.newBuilder().setRunId("t-new").build());

    recovery(null).recoverInFlightRuns();

    ArgumentCaptor<ServiceIdentity> identity = ArgumentCaptor.forClass(ServiceIdentity.class);
    ArgumentCaptor<RunInput> input = ArgumentCaptor.forClass(RunInput.class);
    verify(workflows).start(identity.capture(), input.capture());
    assertThat(identity.getValue().workflowId()).isEqualTo("service:team-payments/checkout");
    assertThat(input.getValue().runId()).isEqualTo("r-running");
    assertThat(input.getValue().serviceKey()).isEqualTo("team-payments/checkout");
    assertThat(input.getValue().requestedBy()).isEqualTo("alice");
    assertThat(input.getValue().parameters()).containsEntry("name", "checkout");
    assertThat(input.getValue().template().steps()).extracting(StepPlan::id).containsExactly("say");
    RunRecord run = store.find("r-running").orElseThrow();
    assertThat(run.status()).isEqualTo("RUNNING");
    assertThat(run.recoveries()).isEqualTo(1);
    assertThat(run.recoveredAt()).isEqualTo(RESTART);
    assertThat(run.temporalRunId()).isEqualTo("t-new");
    assertThat(leftover).doesNotExist();
    assertThat(store.find("r-done").orElseThrow().recoveries()).isZero();
  }

  @Test
  void aRunWaitingForApprovalIsStartedAgainAndAsksAgain() {
    store.recordProgress(
        new RunProgress(
            "r-running", "java-service", RunStatus.WAITING_APPROVAL, List.of(), null, null, null),
        T0);
    when(workflows.start(any(), any()))
        .thenReturn(WorkflowExecution.newBuilder().setRunId("t-new").build());

    recovery(null).recoverInFlightRuns();

    verify(workflows).start(any(), any());
    assertThat(store.find("r-running").orElseThrow().recoveries()).isEqualTo(1);
  }

  @Test
  void aRunRollingBackIsNotMadeAgainButFailsNamingWhatItLeft() {
    StepProgress secrets =
        new StepProgress(
            "secrets",
            "Secrets",
            "paved:vault:secrets",
            StepStatus.SUCCEEDED,
            1,
            1L,
            2L,
            null,
            null,
            null,
            new UndoProgress(
                UndoProgress.Status.RETRYING,
                4,
                "Vault answered 503",
                3L,
                List.of("vault secret secret/team-payments/refunds")));
    store.recordProgress(
        new RunProgress(
            "r-running",
            "java-service",
            RunStatus.ROLLING_BACK,
            List.of(secrets),
            "manifests",
            "step 'manifests' failed",
            null),
        T0);

    recovery(null).recoverInFlightRuns();

    verify(workflows, never()).start(any(), any());
    RunRecord run = store.find("r-running").orElseThrow();
    assertThat(run.status()).isEqualTo("FAILED");
    assertThat(run.error())
        .contains("rolling back")
        .contains("vault secret secret/team-payments/refunds")
        .contains("Vault answered 503");
  }

  @Test
  void aRunThatCannotStartAgainIsFailedWithTheReasonNotLeftRunning() {
    when(workflows.start(any(), any()))
        .thenThrow(
            new StatusRuntimeException(Status.UNAVAILABLE.withDescription("connection refused")));

    recovery(null).recoverInFlightRuns();

    RunRecord run = store.find("r-running").orElseThrow();
    assertThat(run.status()).isEqualTo("FAILED");
    assertThat(run.error()).contains("could not start it again").contains("connection refused");
    assertThat(run.recoveries()).isZero();
  }

  @Test
  void withATemporalClusterRunsOutlivePavedAndNothingIsStarted() {
    recovery("temporal.example:7233").recoverInFlightRuns();

    verifyNoInteractions(workflows);
    assertThat(store.find("r-running").orElseThrow().recoveries()).isZero();
  }

  private void insert(String id, String name) {
    store.insert(
        new RunStore.NewRun(
            id,
            "java-service",
            "v1",
            ServiceIdentity.of(Map.of("name", name, "owner", "team-payments"), id),
            "alice",
            null,
            "hash-" + id,
            Map.of("name", name, "owner", "team-payments"),
            new TemplatePlan(
                "java-service",
                "v1",
                "/t",
                FailurePolicy.ROLLBACK,
                List.of(new StepPlan("say", "Say", "debug:log", Map.of(), null)),
                Map.of())),
        T0);
  }
}
