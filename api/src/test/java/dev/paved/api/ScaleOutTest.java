package dev.paved.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paved.testfixtures.Fault;
import dev.paved.testfixtures.StandIn;
import dev.paved.testfixtures.github.FakeGithub;
import dev.paved.testfixtures.vault.FakeVault;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paved scaled out as a platform runs it on several hosts: one API with no golden-path worker, and
 * two worker processes, each with a data folder of its own, joined to the API's Temporal server as
 * to a cluster. They share nothing but Temporal and Paved's database (PostgreSQL), where the runs'
 * workspaces and the templates' snapshots are kept ({@code PAVED_WORKSPACES_STORE=database}).
 * GitHub and Vault are stand-ins, so nothing a step makes lives on a worker's disk.
 */
class ScaleOutTest {

  // a schema of its own per test: the next test's API must not find this one's runs to recover
  final String databaseUrl = TestDatabases.postgresSchemaUrl().orElse(null);

  @TempDir Path root;

  final FakeGithub github = new FakeGithub();
  final FakeVault vault = new FakeVault();

  private String[] providers() {
    return new String[] {
      "paved.github.api-url=" + github.apiUrl(),
      "paved.github.token=" + FakeGithub.TOKEN,
      "paved.gitops-repo=platform/gitops",
      "paved.vault.addr=" + vault.address(),
      "paved.vault.token=" + FakeVault.TOKEN
    };
  }

  private LocalPaved api() throws Exception {
    Assumptions.assumeTrue(
        databaseUrl != null,
        TestDatabases.postgresSkipReason().orElse("no PostgreSQL for the workspace store"));
    github.organisation("team-scale");
    github.repository("platform", "gitops", Map.of("README.md", "# GitOps\n"));
    List<String> properties = new ArrayList<>(List.of(providers()));
    properties.add("paved.worker-enabled=false");
    properties.add("paved.workspaces.store=database");
    properties.add("spring.datasource.url=" + databaseUrl);
    return LocalPaved.start(
        Files.createDirectories(root.resolve("api")), properties.toArray(String[]::new));
  }

  /** A worker on a host of its own: its own data folder; the store and Temporal are shared. */
  private WorkerProcess worker(LocalPaved api, String name) throws Exception {
    Map<String, String> variables = new HashMap<>();
    variables.put("PAVED_TEMPORAL_TARGET", api.temporalTarget());
    variables.put("PAVED_DATA_DIR", Files.createDirectories(root.resolve(name)).toString());
    variables.put("PAVED_PUBLIC_URL", "http://localhost:" + api.port());
    variables.put("PAVED_WORKSPACES_STORE", "database");
    variables.put("PAVED_DB_URL", databaseUrl);
    return WorkerProcess.start("scale-out-" + name, variables, providers());
  }

  @Test
  void runsSpreadOverTwoWorkersThatShareNoFolderAndEachMakesItsThingsOnce() throws Exception {
    try (LocalPaved api = api();
        WorkerProcess one = worker(api, "worker-1").awaitStarted();
        WorkerProcess two = worker(api, "worker-2").awaitStarted()) {
      List<String> names = List.of("north", "south", "east", "west", "up", "down");
      Map<String, String> runs = new LinkedHashMap<>();
      for (String name : names) {
        JsonNode run =
            api.startRun(
                "waits-mid-run", Map.of("name", name, "owner", "team-scale", "waitSeconds", 1));
        runs.put(name, run.path("id").asText());
      }

      Map<String, Integer> tasks = new LinkedHashMap<>(Map.of("worker-1", 0, "worker-2", 0));
      for (Map.Entry<String, String> run : runs.entrySet()) {
        JsonNode ended = api.awaitEnd(run.getValue());
        assertThat(ended.path("status").asText()).as(ended.toString()).isEqualTo("COMPLETED");
        for (String identity : taskIdentities(api, "service:team-scale/" + run.getKey())) {
          if (identity.startsWith(one.identityPrefix())) {
            tasks.merge("worker-1", 1, Integer::sum);
          } else if (identity.startsWith(two.identityPrefix())) {
            tasks.merge("worker-2", 1, Integer::sum);
          }
        }
      }
      System.out.println("Workflow and activity tasks of 6 runs, by worker: " + tasks);

      assertThat(tasks.get("worker-1")).isPositive();
      assertThat(tasks.get("worker-2")).isPositive();
      for (String name : names) {
        assertThat(github.made(FakeGithub.REPOSITORY)).containsOnlyOnce("team-scale/" + name);
        // the manifests step's files, read from the workspace by the pull request's step
        assertThat(github.files("platform/gitops", "paved/" + name).keySet())
            .anyMatch(file -> file.startsWith("apps/" + name + "/"));
      }
      assertThat(github.made(FakeGithub.PULL_REQUEST)).hasSize(names.size());
      // the template's skeleton reached the workers from the store, not from the API's disk
      assertThat(one.logText() + two.logText()).contains("brought from the store");
    }
  }

  @Test
  void killingTheWorkerThatHoldsARunsWorkspaceMidStepStillCompletesTheRun() throws Exception {
    // the repository's creation is served at once and answered late: its worker dies waiting
    github
        .faults()
        .next(1, "POST", "/api/v3/orgs/team-scale/repos", Fault.slow(Duration.ofMinutes(5)));
    try (LocalPaved api = api();
        WorkerProcess holder = worker(api, "holder").awaitStarted()) {
      String runId =
          api.startRun(
                  "waits-mid-run",
                  Map.of("name", "sturdy", "owner", "team-scale", "waitSeconds", 1))
              .path("id")
              .asText();
      await("the repository's creation in flight")
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> !github.faults().injected().isEmpty());
      // the render ran on the holder alone: the only copy of the workspace on a disk is there
      assertThat(root.resolve("holder/workspaces/" + runId + "/service/README.md")).exists();

      try (WorkerProcess other = worker(api, "other").awaitStarted()) {
        holder.kill();
        Instant killed = Instant.now();
        System.out.println(killed + " killed the worker holding the workspace, mid-step");
        JsonNode run = api.awaitEnd(runId);
        // the next attempt's own request to GitHub: the step had been taken over
        List<StandIn.Call> creations = github.calls("POST", "/api/v3/orgs/team-scale/repos");
        assertThat(creations).hasSize(2);
        System.out.println(
            "Takeover: the next attempt asked GitHub "
                + Duration.between(killed, creations.get(1).at()).toMillis()
                + " ms after the worker holding the step was killed");

        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("COMPLETED");
        assertThat(attempts(run)).containsEntry("publish", 2).containsEntry("gitops", 1);
        assertThat(other.logText()).contains("run " + runId + ": workspace version");
        // the clean-up goes out with the run's last record
        await("the workspace cleaned up")
            .atMost(Duration.ofMinutes(1))
            .until(() -> !Files.exists(root.resolve("other/workspaces/" + runId)));
      }
      assertThat(github.made(FakeGithub.REPOSITORY)).containsOnlyOnce("team-scale/sturdy");
      assertThat(github.files("team-scale/sturdy", "main")).containsKey("README.md");
      assertThat(github.made(FakeGithub.PULL_REQUEST)).hasSize(1);
      assertThat(vault.made(FakeVault.PATH)).hasSize(1);
    }
  }

  /** The identities of the workers that took each workflow and activity task of a run. */
  private static List<String> taskIdentities(LocalPaved api, String workflowId) {
    List<String> identities = new ArrayList<>();
    for (HistoryEvent event : api.bean(WorkflowClient.class).fetchHistory(workflowId).getEvents()) {
      if (event.getEventType() == EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED) {
        identities.add(event.getWorkflowTaskStartedEventAttributes().getIdentity());
      } else if (event.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED) {
        identities.add(event.getActivityTaskStartedEventAttributes().getIdentity());
      }
    }
    return identities;
  }

  private static Map<String, Integer> attempts(JsonNode run) {
    Map<String, Integer> attempts = new HashMap<>();
    run.path("steps")
        .forEach(step -> attempts.put(step.path("id").asText(), step.path("attempts").asInt()));
    return attempts;
  }
}
