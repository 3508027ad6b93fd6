package dev.paved.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paved.api.scorecards.FactStore;
import dev.paved.api.scorecards.facts.InMemoryFactStore;
import dev.paved.testfixtures.StandIn;
import dev.paved.testfixtures.github.FakeGithub;
import dev.paved.testfixtures.grafana.FakeGrafana;
import dev.paved.testfixtures.vault.FakeVault;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What one run of the shipped {@code java-service} template costs GitHub, Vault and Grafana, in
 * requests, as their stand-ins count them: a run to COMPLETED together with what its end sets off
 * (the fact collection of its entity, which reads the new repository and the GitOps history, and
 * the catalog location's own first read), one refresh of its catalog location, and a run that
 * pauses, is rolled back and re-run. Each count must stay within a budget: the count measured when
 * the budget was set plus a small margin, so a change that sends markedly more requests fails here.
 * {@code docs/scaling.md} turns the counts into runs per hour per GitHub token; a budget raised
 * here must be raised there. Each measure prints one line per system ({@code RequestBudget ...})
 * into the surefire report. Counts only; no timing.
 */
@Import(RequestBudgetTest.Facts.class)
class RequestBudgetTest extends EndToEndTest {

  // Budgets, in requests per system: what was measured when the budget was set (2026-12-06, the
  // stand-ins answering as GitHub Enterprise Server, Vault and Grafana do; a GitHub token) plus a
  // margin of one to four requests: a change that adds a request passes, one that doubles them
  // fails. The counts were the same in every run of this test.

  /**
   * One run to COMPLETED and what its end sets off. Measured 32 in an organisation's first run: 23
   * until its last step ended (the organisation 1, the repository 8, the catalog registration 3,
   * the catalog location's first read 2, the GitOps pull request 9), then 9 by the fact collectors
   * (README, SLO folder and file, two reports, the GitOps history); 10 of the 32 are writes. 31 in
   * a later run (hub4j keeps the organisation it has read).
   */
  static final int GITHUB_RUN = 36;

  /** Measured 8: four reads to find what exists, four writes (metadata, value, policy, role). */
  static final int VAULT_RUN = 10;

  /** Measured 3 in a team's first run (its folder read and made, the dashboard saved), then 2. */
  static final int GRAFANA_RUN = 4;

  /**
   * One refresh of the run's catalog location, the file unchanged. Measured 2: {@code
   * catalog-info.yaml} and the {@code openapi.yaml} its {@code $text} names, both read in full (a
   * file with placeholders is read without {@code If-None-Match}). A scheduled turn reads the same.
   */
  static final int GITHUB_REFRESH = 3;

  /** The rollback of a run paused at its dashboard: measured 3 (repository, marker, delete). */
  static final int GITHUB_ROLLBACK = 4;

  /** Measured 7: role, policy, metadata and value read, then role, policy and secret deleted. */
  static final int VAULT_ROLLBACK = 8;

  /** Measured 0: the dashboard was never made, and the team's folder stays. */
  static final int GRAFANA_ROLLBACK = 1;

  static final FakeGithub GITHUB = new FakeGithub();
  static final FakeVault VAULT = new FakeVault();
  static final FakeGrafana GRAFANA = new FakeGrafana();
  static final List<StandIn> STAND_INS = List.of(GITHUB, VAULT, GRAFANA);

  static {
    // one organisation per test: hub4j reads an organisation once per process, so each test's
    // first run pays that read whatever order the tests run in
    GITHUB.organisation("team-budget");
    GITHUB.organisation("team-rerun");
    GITHUB.repository("platform", "gitops", Map.of("README.md", "# GitOps\n"));
  }

  /** Facts in memory, so the test sees when the run's entity has been collected. */
  @TestConfiguration
  static class Facts {
    @Bean
    @Primary
    FactStore factStore() {
      return new InMemoryFactStore();
    }
  }

  @DynamicPropertySource
  static void standIns(DynamicPropertyRegistry registry) {
    registry.add("paved.github.api-url", GITHUB::apiUrl);
    registry.add("paved.github.token", () -> FakeGithub.TOKEN);
    registry.add("paved.gitops-repo", () -> "platform/gitops");
    registry.add("paved.vault.addr", VAULT::address);
    registry.add("paved.vault.token", () -> FakeVault.TOKEN);
    registry.add("paved.grafana.url", GRAFANA::url);
    registry.add("paved.grafana.token", () -> FakeGrafana.TOKEN);
  }

  @Autowired FactStore facts;

  @AfterEach
  void everyRequestHadARoute() {
    GRAFANA.clearFailures();
    for (StandIn standIn : STAND_INS) {
      assertThat(standIn.unhandled()).as(name(standIn)).isEmpty();
    }
  }

  @Test
  void aRunAndItsCatalogRefreshStayWithinTheirBudgets() {
    forgetRequests();
    JsonNode run = startRun("java-service", Map.of("name", "fresh", "owner", "team-budget"));
    JsonNode ended = awaitEnd(run.path("id").asText());
    assertThat(ended.path("status").asText()).as(ended.toString()).isEqualTo("COMPLETED");
    assertEveryStepSucceeded(ended);
    awaitCollected("component:default/fresh");

    Map<StandIn, Tally> tallies = tally("a java-service run", ended);
    assertWithin(tallies, Map.of(GITHUB, GITHUB_RUN, VAULT, VAULT_RUN, GRAFANA, GRAFANA_RUN));
    for (Tally tally : tallies.values()) {
      assertThat(tally.calls()).as(tally.system() + " was reached").isNotEmpty();
    }
    printWhatTheRunKept(ended.path("id").asText());

    forgetRequests();
    Answer refresh =
        post("/api/catalog/refresh", Map.of("entityRef", "component:default/fresh"), Map.of());
    assertThat(refresh.status()).as(String.valueOf(refresh.body())).isEqualTo(200);
    Map<StandIn, Tally> refreshed = tally("a catalog refresh of its location", null);
    assertWithin(refreshed, Map.of(GITHUB, GITHUB_REFRESH, VAULT, 0, GRAFANA, 0));
  }

  @Test
  void aRunRolledBackAndRunAgainStaysWithinItsBudgets() {
    GRAFANA.failWhen("POST", "/api/dashboards/db", 403, "{\"message\":\"Access denied\"}");
    forgetRequests();
    String id =
        startRun("java-service", Map.of("name", "again", "owner", "team-rerun"))
            .path("id")
            .asText();
    JsonNode paused = awaitEnd(id);
    assertThat(paused.path("status").asText()).as(paused.toString()).isEqualTo("NEEDS_ATTENTION");
    tally("a run paused at its dashboard", paused);

    forgetRequests();
    Answer rollback = post("/api/v1/runs/" + id + "/rollback", Map.of(), Map.of());
    assertThat(rollback.status()).as(rollback.body().toString()).isEqualTo(202);
    JsonNode rolledBack = awaitEnd(id);
    assertThat(rolledBack.path("status").asText())
        .as(rolledBack.toString())
        .isEqualTo("ROLLED_BACK");
    assertWithin(
        tally("its rollback", null),
        Map.of(GITHUB, GITHUB_ROLLBACK, VAULT, VAULT_ROLLBACK, GRAFANA, GRAFANA_ROLLBACK));

    GRAFANA.clearFailures();
    forgetRequests();
    Answer rerun = post("/api/v1/runs/" + id + "/rerun", Map.of(), Map.of());
    assertThat(rerun.status()).as(rerun.body().toString()).isEqualTo(202);
    JsonNode second = awaitEnd(rerun.body().path("id").asText());
    assertThat(second.path("status").asText()).as(second.toString()).isEqualTo("COMPLETED");
    awaitCollected("component:default/again");
    // nothing was left to adopt: the rerun costs what a run costs
    assertWithin(
        tally("its rerun", second),
        Map.of(GITHUB, GITHUB_RUN, VAULT, VAULT_RUN, GRAFANA, GRAFANA_RUN));
  }

  /**
   * Prints (no budget) what the run left in Temporal's history and in the audit trail: the figures
   * docs/scaling.md sizes Temporal and Paved's database with.
   */
  private void printWhatTheRunKept(String runId) {
    Answer history = get("/api/v1/runs/" + runId + "/history");
    assertThat(history.status()).isEqualTo(200);
    List<JsonNode> events = new ArrayList<>();
    history.body().path("events").forEach(events::add);
    List<String> activities =
        events.stream()
            .map(e -> e.path("activityTaskScheduledEventAttributes").path("activityType"))
            .filter(type -> !type.isMissingNode())
            .map(type -> type.path("name").asText())
            .toList();
    JsonNode audit = get("/api/v1/audit?subject=run:" + runId).body().path("items");
    System.out.println(
        "RequestBudget a java-service run, Temporal: "
            + events.size()
            + " history events, "
            + history.body().toString().length()
            + " characters of history JSON; activities "
            + counts(activities)
            + "; by type "
            + counts(
                events.stream()
                    .map(e -> e.path("eventType").asText().replace("EVENT_TYPE_", ""))
                    .toList())
            + "; audit entries of the run "
            + audit.size());
  }

  private static String counts(List<String> keys) {
    return new TreeMap<>(
            keys.stream().collect(Collectors.groupingBy(k -> k, Collectors.counting())))
        .toString();
  }

  private static void forgetRequests() {
    for (StandIn standIn : STAND_INS) {
      standIn.forgetCalls();
    }
  }

  /** Waits until every fact collector has recorded the entity (an event, not a time). */
  private void awaitCollected(String ref) {
    InMemoryFactStore store = (InMemoryFactStore) facts;
    for (String collector :
        List.of("oncall", "runbook", "coverage", "slo", "image-scan", "deployments")) {
      await(ref + " collected by " + collector)
          .atMost(Duration.ofMinutes(2))
          .until(() -> store.recorded(ref, collector) >= 1);
    }
  }

  private static void assertWithin(Map<StandIn, Tally> tallies, Map<StandIn, Integer> budgets) {
    budgets.forEach(
        (standIn, budget) ->
            assertThat(tallies.get(standIn).calls().size())
                .as(tallies.get(standIn).line() + " (budget " + budget + ")")
                .isLessThanOrEqualTo(budget));
  }

  /** Each stand-in's requests since they were last forgotten, printed one line per system. */
  private static Map<StandIn, Tally> tally(String what, JsonNode run) {
    Instant stepsEnded = run == null ? null : lastStepEnd(run);
    Map<StandIn, Tally> tallies = new LinkedHashMap<>();
    for (StandIn standIn : STAND_INS) {
      Tally tally = new Tally(what, name(standIn), standIn.calls(), stepsEnded);
      tallies.put(standIn, tally);
      System.out.println(tally.line());
    }
    return tallies;
  }

  private static Instant lastStepEnd(JsonNode run) {
    Instant last = Instant.EPOCH;
    for (JsonNode step : run.path("steps")) {
      if (step.hasNonNull("endedAt")) {
        Instant ended = Instant.parse(step.path("endedAt").asText());
        last = ended.isAfter(last) ? ended : last;
      }
    }
    return last;
  }

  private static String name(StandIn standIn) {
    return standIn.getClass().getSimpleName().replace("Fake", "");
  }

  /** Path segments that name one run's things, replaced so that paths count by kind. */
  private static final List<Map.Entry<Pattern, String>> KINDS =
      List.of(
          Map.entry(Pattern.compile("^/api/v3(?=/)"), ""),
          Map.entry(Pattern.compile("^/repos/platform/gitops"), "/repos/{gitops}"),
          Map.entry(Pattern.compile("^/repos/[^/{]+/[^/]+"), "/repos/{repo}"),
          Map.entry(Pattern.compile("^/orgs/[^/]+"), "/orgs/{org}"),
          Map.entry(Pattern.compile("/contents/.+"), "/contents/{path}"),
          Map.entry(Pattern.compile("/git/refs/heads/.+"), "/git/refs/heads/{branch}"),
          Map.entry(Pattern.compile("/branches/[^/]+"), "/branches/{branch}"),
          Map.entry(Pattern.compile("/commits/[0-9a-f]{40}$"), "/commits/{sha}"),
          Map.entry(Pattern.compile("/pulls/\\d+$"), "/pulls/{number}"),
          Map.entry(Pattern.compile("^/v1/secret/(metadata|data)/.+"), "/v1/secret/$1/{path}"),
          Map.entry(Pattern.compile("^/v1/sys/policies/acl/.+"), "/v1/sys/policies/acl/{name}"),
          Map.entry(
              Pattern.compile("^/v1/auth/kubernetes/role/.+"), "/v1/auth/kubernetes/role/{name}"),
          Map.entry(Pattern.compile("^/api/folders/.+"), "/api/folders/{uid}"),
          Map.entry(Pattern.compile("^/api/dashboards/uid/.+"), "/api/dashboards/uid/{uid}"));

  /**
   * One system's requests during one measure.
   *
   * @param stepsEnded when the run's last step ended (requests after it were set off by its end),
   *     or null when the measure is no run
   */
  record Tally(String what, String system, List<StandIn.Call> calls, Instant stepsEnded) {

    static String kind(StandIn.Call call) {
      String path = call.path();
      for (Map.Entry<Pattern, String> kind : KINDS) {
        path = kind.getKey().matcher(path).replaceAll(kind.getValue());
      }
      String conditional = call.header("If-None-Match") != null ? " (conditional)" : "";
      return call.method() + " " + path + conditional;
    }

    long writes() {
      return calls.stream().filter(c -> !c.method().equals("GET")).count();
    }

    /** {@code RequestBudget <what>, <system>: n requests (...); by method; by kind}. */
    String line() {
      StringBuilder line =
          new StringBuilder("RequestBudget ")
              .append(what)
              .append(", ")
              .append(system)
              .append(": ")
              .append(calls.size())
              .append(" requests (")
              .append(writes())
              .append(" writes");
      if (stepsEnded != null) {
        long after = calls.stream().filter(c -> c.at().isAfter(stepsEnded)).count();
        line.append("; ")
            .append(calls.size() - after)
            .append(" by its steps, ")
            .append(after)
            .append(" after them");
      }
      line.append("); by method ")
          .append(counts(calls.stream().map(StandIn.Call::method).toList()))
          .append("; by kind ")
          .append(counts(calls.stream().map(Tally::kind).toList()));
      return line.toString();
    }
  }
}
