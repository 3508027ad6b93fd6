package dev.paved.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paved.api.catalog.CatalogGitRepos;
import dev.paved.testfixtures.pagerduty.FakePagerDuty;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 17's "done" end to end: the scorecard Paved ships ({@code scorecards/} of this repository)
 * grades services registered from real repositories of local mode's git hosting (README, JaCoCo,
 * Cobertura and lcov reports, OpenAPI and OpenSLO files, Trivy and Grype reports on a reports
 * branch, the GitOps repository's history, PagerDuty's stand-in), with the real fact store,
 * evaluation, waivers and initiatives; fixing a gap moves a service up within one collection (and
 * an initiative's progress with it), and a waiver approved by the platform team moves another.
 */
class ScorecardLevelsTest extends EndToEndTest {

  static final FakePagerDuty PAGERDUTY = new FakePagerDuty();
  static final String SCORES = "/api/v1/catalog/entities/component/default/%s/scores";

  @DynamicPropertySource
  static void shippedScorecardAndPagerDuty(DynamicPropertyRegistry registry) {
    registry.add(
        "paved.scorecards.dir",
        () -> Path.of("..", "scorecards").toAbsolutePath().normalize().toString());
    registry.add("paved.scorecards.pagerduty.url", PAGERDUTY::url);
    registry.add("paved.scorecards.pagerduty.token", () -> FakePagerDuty.TOKEN);
  }

  @AfterAll
  static void closePagerDuty() {
    PAGERDUTY.close();
  }

  private static String resource(String path) throws IOException {
    try (InputStream in = ScorecardLevelsTest.class.getResourceAsStream("/scorecards/" + path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** A service's repository: its entity, an API with one operation and an SLO for it. */
  private static Map<String, String> service(
      String name, String owner, String annotations, String readme) {
    Map<String, String> files = new HashMap<>();
    files.put(
        "catalog-info.yaml",
        """
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: %1$s
          annotations:
        %3$s
            paved.dev/coverage-report: paved-reports:coverage.xml
            paved.dev/image-scan-report: paved-reports:scan.json
        spec: {type: service, lifecycle: production, owner: %2$s, providesApis: [%1$s-api]}
        ---
        apiVersion: backstage.io/v1alpha1
        kind: API
        metadata: {name: %1$s-api}
        spec: {type: openapi, lifecycle: production, owner: %2$s, definition: {$text: ./openapi.yaml}}
        """
            .formatted(name, owner, annotations.indent(4).stripTrailing()));
    files.put("README.md", readme);
    files.put(
        "openapi.yaml",
        """
        openapi: 3.0.3
        info: {title: %s, version: 1.0.0}
        paths:
          /hello:
            get:
              operationId: getHello
              responses: {'200': {description: a greeting}}
        """
            .formatted(name));
    files.put(
        "slo/hello.yaml",
        """
        apiVersion: openslo/v1
        kind: SLO
        metadata:
          name: %s-hello
          annotations: {paved.dev/operation: GET /hello}
        spec:
          service: %s
          budgetingMethod: Occurrences
          objectives: [{target: 0.995}]
        """
            .formatted(name, name));
    return files;
  }

  private void pushReports(String repo, String coverage, String scan) throws Exception {
    LocalBranches.push(
        dataDir,
        "platform",
        repo,
        "paved-reports",
        Map.of("coverage.xml", coverage, "scan.json", scan));
  }

  /** The shipped scorecard's card in the entity's scores, once its level is {@code level}. */
  private JsonNode awaitLevel(String name, String level) {
    JsonNode[] card = {null};
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(
            () -> {
              Answer scores = get(SCORES.formatted(name));
              assertThat(scores.status()).as(scores.body().toString()).isEqualTo(200);
              card[0] = production(scores.body());
              assertThat(card[0]).as(scores.body().toString()).isNotNull();
              JsonNode held = card[0].path("level");
              assertThat(held.isNull() ? null : held.asText())
                  .as(card[0].toString())
                  .isEqualTo(level);
            });
    return card[0];
  }

  private static JsonNode production(JsonNode scores) {
    for (JsonNode card : scores.path("scorecards")) {
      if (card.path("id").asText().equals("production-readiness")) {
        return card;
      }
    }
    return null;
  }

  private static String result(JsonNode card, String rule) {
    for (JsonNode r : card.path("rules")) {
      if (r.path("id").asText().equals(rule)) {
        return r.path("result").asText();
      }
    }
    throw new AssertionError("no rule " + rule + " in " + card);
  }

  private void collect(Map<String, Object> body) {
    Answer answer = post("/api/v1/scorecards/facts/collect", body, Map.of());
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(202);
  }

  @Test
  void theShippedScorecardGradesRealRepositoriesAndMovesWithTheirFixes() throws Exception {
    PAGERDUTY.service("PGOLD01", "Gold", "PPOLG01", "Gold primary");
    PAGERDUTY.onCall("PPOLG01", List.of("PUSER01"));
    PAGERDUTY.service("PSILV01", "Silver", "PPOLS01", "Silver primary");
    PAGERDUTY.onCall("PPOLS01", List.of());
    String runbook = "# Service\n\n## Runbook\n\nRestart: `kubectl rollout restart`.\n";
    String cobertura = resource("coverage/cobertura.xml"); // 72.5 % of lines

    CatalogLocationFixture.register(
        platform(),
        dataDir,
        "lv-gold",
        service("lv-gold", "team-payments", "pagerduty.com/service-id: PGOLD01", runbook));
    pushReports("lv-gold", resource("coverage/jacoco.xml"), resource("scans/trivy-clean.json"));
    LocalBranches.push(
        dataDir,
        "platform",
        "gitops",
        "main",
        Map.of("apps/lv-gold/deployment.yaml", "kind: Deployment\n"));

    CatalogLocationFixture.register(
        platform(),
        dataDir,
        "lv-silver",
        service("lv-silver", "team-payments", "pagerduty.com/service-id: PSILV01", runbook));
    pushReports("lv-silver", cobertura, resource("scans/trivy-clean.json"));

    CatalogLocationFixture.register(
        platform(),
        dataDir,
        "lv-none",
        service(
            "lv-none",
            "team-search",
            "opsgenie.com/team: search",
            "# Search\n\n## Operations\n\nAsk the team.\n"));
    pushReports("lv-none", resource("coverage/lcov.info"), resource("scans/grype.json"));

    collect(Map.of());

    JsonNode gold = awaitLevel("lv-gold", "Gold");
    assertThat(gold.path("rules"))
        .allSatisfy(r -> assertThat(r.path("result").asText()).isEqualTo("pass"));

    JsonNode silver = awaitLevel("lv-silver", "Bronze");
    assertThat(result(silver, "line-coverage")).isEqualTo("fail");
    assertThat(result(silver, "oncall-live")).isEqualTo("fail");
    assertThat(result(silver, "deployed-recently")).isEqualTo("unknown");

    JsonNode none = awaitLevel("lv-none", null);
    assertThat(result(none, "readme-runbook")).isEqualTo("fail");
    assertThat(result(none, "oncall-annotated")).isEqualTo("pass");
    assertThat(result(none, "no-critical-cves")).isEqualTo("fail");
    assertThat(result(none, "oncall-live")).isEqualTo("unknown");

    // the fleet as the scorecard page shows it
    JsonNode summary = get("/api/v1/scorecards/production-readiness/summary").body();
    assertThat(summary.path("levels").path("Gold").asInt()).as(summary.toString()).isEqualTo(1);
    assertThat(summary.path("levels").path("Bronze").asInt()).isEqualTo(1);
    assertThat(summary.path("levels").path("none").asInt()).isEqualTo(1);

    // an initiative: team-payments' services at Silver by next month; one of two meets it today
    Answer set =
        as("pat")
            .post(
                "/api/v1/scorecards/production-readiness/initiatives",
                Map.of(
                    "title", "Payments at Silver",
                    "target", Map.of("level", "Silver"),
                    "filter", List.of("spec.owner=team-payments"),
                    "deadline", Instant.now().plus(Duration.ofDays(30)).toString()));
    assertThat(set.status()).as(set.body().toString()).isIn(200, 201);
    String initiative = "/api/v1/scorecards/initiatives/" + set.body().path("id").asText();
    JsonNode progress = get(initiative).body();
    assertThat(progress.path("total").asInt()).as(progress.toString()).isEqualTo(2);
    assertThat(progress.path("meeting").asInt()).isEqualTo(1);

    // the team raises its coverage: CI publishes a new report, one collection moves the service
    pushReports(
        "lv-silver",
        cobertura.replace("line-rate=\"0.725\"", "line-rate=\"0.91\""),
        resource("scans/trivy-clean.json"));
    collect(Map.of("entity", "component:default/lv-silver", "collector", "coverage"));
    silver = awaitLevel("lv-silver", "Silver");
    assertThat(result(silver, "line-coverage")).isEqualTo("pass");
    assertThat(get(initiative).body().path("meeting").asInt()).isEqualTo(2);

    // lv-none's team waives the runbook rule; the platform team approves; it holds Bronze
    Answer asked =
        as("carol")
            .post(
                "/api/v1/scorecards/production-readiness/waivers",
                Map.of(
                    "entity", "component:default/lv-none",
                    "rule", "readme-runbook",
                    "reason", "the runbook moves to the wiki this sprint",
                    "expiresAt", Instant.now().plus(Duration.ofDays(14)).toString()));
    assertThat(asked.status()).as(asked.body().toString()).isEqualTo(202);
    Answer approved =
        as("pat")
            .post(
                "/api/v1/scorecards/waivers/" + asked.body().path("id").asText() + "/decision",
                Map.of("approve", true, "comment", "two weeks"));
    assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
    none = awaitLevel("lv-none", "Bronze");
    JsonNode waived = null;
    for (JsonNode r : none.path("rules")) {
      if (r.path("id").asText().equals("readme-runbook")) {
        waived = r;
      }
    }
    assertThat(waived.path("result").asText()).isEqualTo("waived");
    assertThat(waived.path("waiver").path("approvedBy").asText()).isEqualTo("pat");

    // the fix in a repository, again: lv-none writes its runbook; the waiver no longer matters
    new CatalogGitRepos(dataDir)
        .commit("platform", "lv-none", Map.of("README.md", "# Search\n\n## Runbook\n\nPage us.\n"));
    collect(Map.of("entity", "component:default/lv-none", "collector", "runbook"));
    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () ->
                assertThat(
                        result(
                            production(get(SCORES.formatted("lv-none")).body()), "readme-runbook"))
                    .isEqualTo("pass"));
  }
}
