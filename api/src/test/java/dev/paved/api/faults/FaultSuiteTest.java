package dev.paved.api.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paved.activities.dashboard.ServiceDashboard;
import dev.paved.testfixtures.StandIn;
import dev.paved.testfixtures.github.FakeGithub;
import dev.paved.testfixtures.grafana.FakeGrafana;
import dev.paved.testfixtures.vault.FakeVault;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The fault suite: the shipped {@code java-service} template with GitHub, Vault and Grafana set,
 * each a stand-in with a fault plan, on one application context with short step limits (a step gets
 * {@value #ATTEMPTS} attempts, {@value #STEP_TIMEOUT_SECONDS} s each).
 *
 * <ul>
 *   <li>Each fault that ends within the retry budget (a burst of 5xx, 429 with {@code Retry-After},
 *       GitHub's 403 secondary rate limit, an answer later than the step's timeout, a reset
 *       connection), injected into all three systems at once: the run completes, each resource was
 *       made exactly once (counted in each stand-in), and no call came before a {@code Retry-After}
 *       or rate-limit reset allowed.
 *   <li>An outage of one system that outlasts the budget and ends once the rollback has met it: the
 *       rollback leaves nothing behind in any store ({@link Census}).
 *   <li>Two {@code POST /runs} for one service at the same instant, and two with one {@code
 *       Idempotency-Key}: one service.
 * </ul>
 *
 * Prints its figures as one line at the end ({@link FaultFigures}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FaultSuiteTest {

  static final int ATTEMPTS = 4;
  static final int STEP_TIMEOUT_SECONDS = 6;
  static final Duration SLOW = Duration.ofSeconds(STEP_TIMEOUT_SECONDS + 3);
  static final long WAIT_SECONDS = 2;

  // live as long as the test JVM, like the context that talks to them
  static final FakeGithub GITHUB = new FakeGithub();
  static final FakeVault VAULT = new FakeVault();
  static final FakeGrafana GRAFANA = new FakeGrafana();
  static final List<StandIn> STAND_INS = List.of(GITHUB, VAULT, GRAFANA);
  static final String OWNER = "team-faults";
  static final String GITOPS = "platform/gitops";

  static {
    GITHUB.organisation(OWNER);
    GITHUB.repository("platform", "gitops", Map.of("README.md", "# GitOps\n"));
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws IOException {
    Path root = Files.createTempDirectory("paved-faults");
    Path dataDir = Files.createDirectories(root.resolve("data"));
    Path templates = Files.createDirectories(root.resolve("templates"));
    copyTree(Path.of("../templates"), templates);
    registry.add("paved.data-dir", dataDir::toString);
    registry.add("paved.templates-dir", templates::toString);
    registry.add("paved.temporal.port", () -> "0");
    registry.add("paved.templates-poll-interval", () -> "0");
    registry.add("paved.github.api-url", GITHUB::apiUrl);
    registry.add("paved.github.token", () -> FakeGithub.TOKEN);
    registry.add("paved.gitops-repo", () -> GITOPS);
    registry.add("paved.vault.addr", VAULT::address);
    registry.add("paved.vault.token", () -> FakeVault.TOKEN);
    registry.add("paved.grafana.url", GRAFANA::url);
    registry.add("paved.grafana.token", () -> FakeGrafana.TOKEN);
    for (String stepClass : List.of("external", "undo")) {
      registry.add(
          "paved.steps." + stepClass + ".start-to-close", () -> STEP_TIMEOUT_SECONDS + "s");
      registry.add("paved.steps." + stepClass + ".initial-interval", () -> "300ms");
    }
    registry.add("paved.steps.external.max-attempts", () -> String.valueOf(ATTEMPTS));
    registry.add("paved.steps.undo.max-attempts", () -> "30");
  }

  @LocalServerPort int port;
  @Autowired DataSource dataSource;

  @Value("${paved.data-dir}")
  Path dataDir;

  PavedHttp paved;
  Census census;

  @BeforeEach
  void setUp() {
    paved = new PavedHttp(port);
    census =
        new Census(GITHUB, VAULT, GRAFANA, GITOPS, paved, new JdbcTemplate(dataSource), dataDir);
    for (StandIn standIn : STAND_INS) {
      standIn.faults().off();
      standIn.faults().forget();
      standIn.forgetCalls();
    }
  }

  @AfterEach
  void countAndCheckTheStandIns() {
    for (StandIn standIn : STAND_INS) {
      FaultFigures.FAULTS.addAndGet(standIn.faults().injected().size());
      standIn.faults().off();
      assertThat(standIn.unhandled()).as(standIn.getClass().getSimpleName()).isEmpty();
    }
  }

  @AfterAll
  static void figures() {
    FaultFigures.print();
  }

  @ParameterizedTest
  @EnumSource(Passing.class)
  void aFaultThatEndsWithinTheBudgetMakesEachResourceOnce(Passing fault) {
    String name = "pass-" + fault.ordinal();
    fault.inject(name);

    JsonNode run = paved.awaitSettled(start(name));

    assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("COMPLETED");
    FaultFigures.RUNS.incrementAndGet();
    for (StandIn standIn : STAND_INS) {
      String system = standIn.getClass().getSimpleName();
      assertThat(standIn.faults().injected()).as(system + " met the fault").isNotEmpty();
      assertThat(standIn.callsBeforeAllowed()).as(system + ": calls before Retry-After").isEmpty();
      // a request told when to come back did come back (after that time, as just checked)
      for (var injected : standIn.faults().injected()) {
        if (injected.notBefore() != null) {
          assertThat(standIn.calls())
              .as(system + ": " + injected.line() + " again")
              .anyMatch(c -> c.line().equals(injected.line()) && c.at().isAfter(injected.at()));
        }
      }
    }
    // the fault failed an attempt of each system's step, which the step's retry made good
    // (OkHttp sends a reset request to Grafana again by itself, so its step may need no retry)
    Map<String, Boolean> retried =
        Map.of("publish", true, "secrets", true, "dashboard", fault != Passing.RESET_CONNECTIONS);
    retried.forEach(
        (step, expected) -> {
          if (expected) {
            assertThat(step(run, step).path("attempts").asInt()).as(step).isGreaterThan(1);
          }
        });
    assertMadeOnce(name);
  }

  @ParameterizedTest
  @EnumSource(Outage.class)
  void anOutageThatEndsMidRollbackLeavesNothingBehind(Outage outage) {
    String name = "down-" + outage.ordinal();

    String runId = start(name);
    outage.begin(name);
    JsonNode paused = paved.awaitSettled(runId);
    assertThat(paused.path("status").asText()).as(paused.toString()).isEqualTo("NEEDS_ATTENTION");
    StandIn down = outage.standIn();
    int metBeforeRollback = down.faults().injected().size();
    PavedHttp.Answer rollback =
        paved.post("/api/v1/runs/" + runId + "/rollback", Map.of(), Map.of());
    assertThat(rollback.status()).as(rollback.body().toString()).isEqualTo(202);
    // the system comes back once an undo has met its outage (or the run ended without one: the
    // assertion below says so). The run reads NEEDS_ATTENTION until the rollback is recorded.
    await("an undo meets the outage")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              String status = paved.get("/api/v1/runs/" + runId).body().path("status").asText();
              return down.faults().injected().size() > metBeforeRollback
                  || !(PavedHttp.GOING_ON.contains(status) || status.equals("NEEDS_ATTENTION"));
            });
    int metDuringRollback = down.faults().injected().size() - metBeforeRollback;
    for (StandIn standIn : STAND_INS) {
      standIn.faults().off();
    }

    JsonNode run = paved.awaitSettled(runId);

    assertThat(metDuringRollback).as("undos that met the outage").isPositive();
    assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("ROLLED_BACK");
    FaultFigures.RUNS.incrementAndGet();
    List<String> left = census.leftovers(OWNER, name, runId);
    FaultFigures.STORES_LISTED.addAndGet(Census.STORES);
    FaultFigures.ORPHANS.addAndGet(left.size());
    assertThat(left).as("left behind by " + runId).isEmpty();
    // the down system had made its resource before the outage, once, and the undo removed it
    String service = OWNER + "/" + name;
    List<String> made =
        switch (outage) {
          case GITHUB -> GITHUB.made(FakeGithub.REPOSITORY);
          case VAULT -> VAULT.made(FakeVault.PATH);
          case GRAFANA -> GRAFANA.made(FakeGrafana.DASHBOARD);
        };
    String resource =
        switch (outage) {
          case GITHUB -> service;
          case VAULT -> "secret/" + service + "/development";
          case GRAFANA -> ServiceDashboard.uid(OWNER, name);
        };
    assertThat(made).as(resource).filteredOn(resource::equals).hasSize(1);
    FaultFigures.RESOURCES.incrementAndGet();
  }

  @Test
  void twoRunsForOneServiceAtTheSameInstantMakeOneService() throws Exception {
    List<PavedHttp.Answer> answers = atTheSameInstant(() -> paved.postRun(OWNER, "twin", Map.of()));

    List<PavedHttp.Answer> started = answers.stream().filter(a -> a.status() == 202).toList();
    assertThat(started).as(answers.toString()).hasSize(1);
    assertThat(answers).as(answers.toString()).anyMatch(a -> a.status() == 409);
    JsonNode run = paved.awaitSettled(started.get(0).body().path("id").asText());
    assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("COMPLETED");
    FaultFigures.RUNS.incrementAndGet();
    assertMadeOnce("twin");
  }

  @Test
  void twoRunsWithOneIdempotencyKeyAtTheSameInstantStartOne() throws Exception {
    Map<String, String> key = Map.of("Idempotency-Key", "fault-suite-same-key");
    List<PavedHttp.Answer> answers = atTheSameInstant(() -> paved.postRun(OWNER, "keyed", key));

    // one started it; the other got that run (200/202) or was told it is being processed (409)
    assertThat(answers)
        .as(answers.toString())
        .allMatch(a -> List.of(200, 202, 409).contains(a.status()));
    List<String> ids =
        answers.stream()
            .filter(a -> a.status() < 300)
            .map(a -> a.body().path("id").asText())
            .distinct()
            .toList();
    assertThat(ids).as(answers.toString()).hasSize(1);
    JsonNode run = paved.awaitSettled(ids.get(0));
    assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("COMPLETED");
    FaultFigures.RUNS.incrementAndGet();
    assertMadeOnce("keyed");
    JsonNode runs = paved.get("/api/v1/runs?limit=500").body();
    assertThat(runs.path("items"))
        .filteredOn(
            r ->
                r.path("serviceKey").asText().equals(OWNER + "/keyed")
                    || r.toString().contains(OWNER + "/keyed"))
        .hasSize(1);
  }

  private static JsonNode step(JsonNode run, String id) {
    for (JsonNode step : run.path("steps")) {
      if (step.path("id").asText().equals(id)) {
        return step;
      }
    }
    throw new AssertionError("no step " + id + " in " + run);
  }

  private String start(String name) {
    PavedHttp.Answer answer = paved.postRun(OWNER, name, Map.of());
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(202);
    return answer.body().path("id").asText();
  }

  /** Each resource of the service's run was made exactly once, counted in its stand-in. */
  private static void assertMadeOnce(String name) {
    String service = OWNER + "/" + name;
    String branch = GITOPS + ":paved/" + name;
    Map<List<String>, String> expected =
        Map.of(
            GITHUB.made(FakeGithub.REPOSITORY), service,
            GITHUB.made(FakeGithub.BRANCH), branch,
            GITHUB.made(FakeGithub.PULL_REQUEST), branch,
            VAULT.made(FakeVault.PATH), "secret/" + service + "/development",
            GRAFANA.made(FakeGrafana.DASHBOARD), ServiceDashboard.uid(OWNER, name));
    expected.forEach(
        (made, resource) -> {
          assertThat(made).as(resource).filteredOn(resource::equals).hasSize(1);
          FaultFigures.RESOURCES.incrementAndGet();
        });
    String policy = OWNER + "-" + name + "-";
    for (List<String> made : List.of(VAULT.made(FakeVault.POLICY), VAULT.made(FakeVault.ROLE))) {
      assertThat(made).as(policy + "*").filteredOn(p -> p.startsWith(policy)).hasSize(1);
      FaultFigures.RESOURCES.incrementAndGet();
    }
    assertThat(GRAFANA.made(FakeGrafana.FOLDER))
        .filteredOn(ServiceDashboard.folderUid(OWNER)::equals)
        .hasSize(1);
  }

  /** Two calls released together by a barrier; their answers. */
  private static List<PavedHttp.Answer> atTheSameInstant(
      java.util.concurrent.Callable<PavedHttp.Answer> call) throws Exception {
    CyclicBarrier barrier = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<PavedHttp.Answer>> futures = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        futures.add(
            pool.submit(
                () -> {
                  barrier.await();
                  return call.call();
                }));
      }
      List<PavedHttp.Answer> answers = new ArrayList<>();
      for (Future<PavedHttp.Answer> future : futures) {
        answers.add(future.get());
      }
      return answers;
    } finally {
      pool.shutdownNow();
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (var paths = Files.walk(from)) {
      for (Path source : paths.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
