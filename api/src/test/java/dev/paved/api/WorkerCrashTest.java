package dev.paved.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paved.testfixtures.Fault;
import dev.paved.testfixtures.github.FakeGithub;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.PendingActivityState;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker process killed mid-step loses nothing: the API runs without a golden-path worker (as in
 * production), a standalone {@code WorkerApplication} joins its embedded Temporal server, is killed
 * while a step runs, and a second worker process finishes the run without making anything twice.
 * Killed mid-undo (the repository's deletion sent to a stand-in GitHub that answers late), a second
 * worker finishes the rollback: the repository was made once and nothing is left behind.
 */
class WorkerCrashTest {

  @TempDir Path root;

  @Test
  void aNewWorkerProcessFinishesTheRunOfAKilledOneWithNothingMadeTwice() throws Exception {
    Path dataDir = Files.createDirectories(root.resolve("data"));
    try (LocalPaved paved = LocalPaved.start(dataDir, "paved.worker-enabled=false")) {
      WorkerProcess first = startWorker(paved, dataDir, "worker-1.log");
      try {
        String runId =
            paved
                .startRun("waits-mid-run", Map.of("name", "sturdy", "owner", "team-crash"))
                .path("id")
                .asText();
        // the progress query is answered by the worker process: it is in the middle of the step
        paved.awaitRun(runId, LocalPaved.stepRunning("wait"));
        awaitStarted(paved.bean(WorkflowClient.class), "service:team-crash/sturdy", "DebugWait");
        first.kill();
        System.out.println(Instant.now() + " killed the first worker mid-step");

        WorkerProcess second = startWorker(paved, dataDir, "worker-2.log");
        try {
          JsonNode run = paved.awaitEnd(runId);

          assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("COMPLETED");
          Map<String, Integer> attempts = attempts(run);
          assertThat(attempts).containsEntry("publish", 1).containsEntry("gitops", 1);
          // the wait's first attempt died with its worker; the second worker took it over
          assertThat(attempts.get("wait")).isEqualTo(2);
        } finally {
          second.close();
        }
      } finally {
        first.kill();
      }
      assertThat(commits(dataDir.resolve("git/team-crash/sturdy.git"), "main")).isEqualTo(1);
      JsonNode pulls = paved.get("/api/v1/pull-requests").path("items");
      assertThat(pulls)
          .filteredOn(p -> p.path("branch").asText().equals("paved/sturdy"))
          .hasSize(1);
    }
  }

  @Test
  void aNewWorkerProcessFinishesTheRollbackOfAWorkerKilledMidUndo() throws Exception {
    Path dataDir = Files.createDirectories(root.resolve("data"));
    try (FakeGithub github = new FakeGithub()) {
      github.organisation("team-crash");
      String repository = "team-crash/undone";
      // the deletion is served at once and answered late: the worker dies waiting for the answer
      github.faults().next(1, "DELETE", "/api/v3/repos/" + repository, Fault.slow(SLOW_DELETE));
      String[] gitHub = {
        "paved.github.api-url=" + github.apiUrl(), "paved.github.token=" + FakeGithub.TOKEN
      };
      try (LocalPaved paved =
          LocalPaved.start(
              dataDir,
              "paved.worker-enabled=false",
              gitHub[0],
              gitHub[1],
              // a lost undo attempt is noticed when its timeout passes: keep it short
              "paved.steps.undo.start-to-close=10s",
              "paved.steps.undo.initial-interval=500ms")) {
        WorkerProcess first = startWorker(paved, dataDir, "worker-undo-1.log", gitHub);
        try {
          String runId =
              paved
                  .startRun(
                      "failing-after-repository", Map.of("name", "undone", "owner", "team-crash"))
                  .path("id")
                  .asText();
          await("the repository's deletion in flight")
              .atMost(Duration.ofMinutes(2))
              .pollInterval(Duration.ofMillis(100))
              .until(() -> !github.faults().injected().isEmpty());
          first.kill();
          System.out.println(Instant.now() + " killed the first worker mid-undo");

          WorkerProcess second = startWorker(paved, dataDir, "worker-undo-2.log", gitHub);
          try {
            JsonNode run = paved.awaitEnd(runId);

            assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("ROLLED_BACK");
          } finally {
            second.close();
          }
        } finally {
          first.kill();
        }
      }
      assertThat(github.made(FakeGithub.REPOSITORY)).containsOnlyOnce(repository);
      assertThat(github.hasRepository(repository)).isFalse();
      assertThat(github.repositories()).doesNotContain(repository);
      assertThat(github.deleted()).containsOnlyOnce(repository);
    }
  }

  /** Longer than the test waits: the killed worker never gets its answer. */
  private static final Duration SLOW_DELETE = Duration.ofMinutes(5);

  /** Waits until a worker has taken the activity (a bound on waiting, not on speed). */
  private static void awaitStarted(WorkflowClient client, String workflowId, String activityType) {
    DescribeWorkflowExecutionRequest describe =
        DescribeWorkflowExecutionRequest.newBuilder()
            .setNamespace(client.getOptions().getNamespace())
            .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
            .build();
    await(activityType + " started in " + workflowId)
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                client
                    .getWorkflowServiceStubs()
                    .blockingStub()
                    .describeWorkflowExecution(describe)
                    .getPendingActivitiesList()
                    .stream()
                    .anyMatch(
                        a ->
                            a.getActivityType().getName().equals(activityType)
                                && a.getState()
                                    == PendingActivityState.PENDING_ACTIVITY_STATE_STARTED));
  }

  /** A standalone worker sharing local mode's data folder, as {@code ./paved up} is joined. */
  private static WorkerProcess startWorker(
      LocalPaved paved, Path dataDir, String logName, String... properties) {
    return WorkerProcess.start(
        logName.replace(".log", ""),
        Map.of(
            "PAVED_TEMPORAL_TARGET", paved.temporalTarget(),
            "PAVED_DATA_DIR", dataDir.toString(),
            "PAVED_PUBLIC_URL", "http://localhost:" + paved.port()),
        properties);
  }

  private static Map<String, Integer> attempts(JsonNode run) {
    Map<String, Integer> attempts = new HashMap<>();
    run.path("steps")
        .forEach(step -> attempts.put(step.path("id").asText(), step.path("attempts").asInt()));
    return attempts;
  }

  static long commits(Path bareRepository, String branch) throws Exception {
    try (Git git = Git.open(bareRepository.toFile())) {
      Iterable<?> log = git.log().add(git.getRepository().resolve("refs/heads/" + branch)).call();
      return StreamSupport.stream(log.spliterator(), false).count();
    }
  }
}
