package dev.paved.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paved.api.scorecards.Fact;
import dev.paved.api.scorecards.FactStore;
import dev.paved.api.scorecards.facts.InMemoryFactStore;
import dev.paved.testfixtures.argocd.FakeArgoCd;
import dev.paved.testfixtures.pagerduty.FakePagerDuty;
import dev.paved.workflows.scorecards.FactCollectionWorkflow;
import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The fact collectors end to end: services registered from real repositories of local mode's git
 * hosting (README, JaCoCo and lcov reports, OpenAPI, OpenSLO and Sloth files, a Trivy report on a
 * reports branch, a Grype report), the GitOps repository's history, PagerDuty's and Argo CD's
 * stand-ins; collected by the collectors' workflows on the embedded Temporal server, on request.
 */
@Import(ScorecardFactsTest.Store.class)
class ScorecardFactsTest extends EndToEndTest {

  static final FakePagerDuty PAGERDUTY = new FakePagerDuty();
  static final FakeArgoCd ARGOCD = new FakeArgoCd();
  static final Instant LEDGER_DEPLOYED = Instant.parse("2026-11-28T16:45:00Z");

  /** The fact store, in memory, in place of the database's (ScorecardLevelsTest reads that). */
  @TestConfiguration
  static class Store {
    @Bean
    @Primary
    FactStore factStore() {
      return new InMemoryFactStore();
    }
  }

  @DynamicPropertySource
  static void standIns(DynamicPropertyRegistry registry) {
    registry.add("paved.scorecards.pagerduty.url", PAGERDUTY::url);
    registry.add("paved.scorecards.pagerduty.token", () -> FakePagerDuty.TOKEN);
    registry.add("paved.scorecards.argocd.url", ARGOCD::url);
    registry.add("paved.scorecards.argocd.token", () -> FakeArgoCd.TOKEN);
  }

  @AfterAll
  static void closeStandIns() {
    PAGERDUTY.close();
    ARGOCD.close();
  }

  @Autowired FactStore store;
  @Autowired WorkflowClient temporal;

  private static String resource(String path) throws IOException {
    try (InputStream in = ScorecardFactsTest.class.getResourceAsStream("/scorecards/" + path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private InMemoryFactStore facts() {
    return (InMemoryFactStore) store;
  }

  private Fact fact(String entity, String name) {
    return store.latest(entity).get(name);
  }

  private void collect(Map<String, Object> body) {
    Answer answer = post("/api/v1/scorecards/facts/collect", body, Map.of());
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(202);
  }

  private void awaitCollected(String entity, String collector, long times) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> facts().recorded(entity, collector) >= times);
  }

  @Test
  void factsFromRealRepositoriesStandInsAndTheGitopsHistory() throws Exception {
    PAGERDUTY.service("PSVC001", "Payments", "PPOL001", "Payments primary");
    PAGERDUTY.onCall("PPOL001", List.of("PUSER01"));
    ARGOCD.application("ledger", List.of(LEDGER_DEPLOYED.minusSeconds(86_400), LEDGER_DEPLOYED));
    CatalogLocationFixture.register(
        platform(),
        dataDir,
        "sf-payments",
        Map.of(
            "catalog-info.yaml",
            """
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata:
              name: sf-payments
              annotations:
                pagerduty.com/service-id: PSVC001
                paved.dev/image-scan-report: paved-reports:reports/trivy.json
                paved.dev/gitops-path: apps/payments
            spec: {type: service, lifecycle: production, owner: team-payments, providesApis: [sf-payments-api]}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: API
            metadata: {name: sf-payments-api}
            spec: {type: openapi, lifecycle: production, owner: team-payments, definition: {$text: ./openapi.yaml}}
            """,
            "README.md",
            "Payments\n========\n\nTakes payments.\n\nRunbook\n-------\n\nRestart with `kubectl rollout restart`.\n",
            "openapi.yaml",
            resource("slo/openapi.yaml"),
            "target/site/jacoco/jacoco.xml",
            resource("coverage/jacoco.xml"),
            "slo/openslo.yaml",
            resource("slo/openslo.yaml"),
            "slo/sloth.yaml",
            resource("slo/sloth.yaml")));
    LocalBranches.push(
        dataDir,
        "platform",
        "sf-payments",
        "paved-reports",
        Map.of("reports/trivy.json", resource("scans/trivy.json")));
    RevCommit deployed =
        LocalBranches.push(
            dataDir,
            "platform",
            "gitops",
            "main",
            Map.of("apps/payments/deployment.yaml", "kind: Deployment\n"));
    CatalogLocationFixture.register(
        platform(),
        dataDir,
        "sf-ledger",
        Map.of(
            "catalog-info.yaml",
            """
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata: {name: ledger}
            spec: {type: service, lifecycle: production, owner: team-payments}
            """,
            "README.md",
            "# Ledger\n\n## Operations\n\nAsk the team.\n",
            "coverage/lcov.info",
            resource("coverage/lcov-bad.info"),
            "grype.json",
            resource("scans/grype.json")));

    String payments = "component:default/sf-payments";
    String ledger = "component:default/ledger";
    collect(Map.of("entity", payments));
    collect(Map.of("entity", "ledger"));
    for (String collector :
        List.of("oncall", "runbook", "coverage", "slo", "image-scan", "deployments")) {
      awaitCollected(payments, collector, 1);
      awaitCollected(ledger, collector, 1);
    }

    assertThat(fact(payments, "oncall_annotated").value()).isEqualTo(true);
    assertThat(fact(payments, "oncall_live").value()).isEqualTo(true);
    assertThat(fact(payments, "readme_has_runbook").value()).isEqualTo(true);
    assertThat(fact(payments, "readme_has_runbook").source()).endsWith("/blob/main/README.md");
    assertThat((Double) fact(payments, "coverage_line_percent").value())
        .isCloseTo(89.47, within(0.01));
    assertThat(fact(payments, "coverage_line_percent").source())
        .endsWith("/blob/main/target/site/jacoco/jacoco.xml");
    assertThat(fact(payments, "endpoints_total").value()).isEqualTo(4L);
    assertThat(fact(payments, "endpoints_without_slo").value()).isEqualTo(1L);
    assertThat(fact(payments, "endpoints_without_slo").detail())
        .isEqualTo("without an SLO: DELETE /payments/{id}");
    assertThat(fact(payments, "critical_cves").value()).isEqualTo(2L);
    assertThat(fact(payments, "critical_cves").source())
        .endsWith("/blob/paved-reports/reports/trivy.json");
    assertThat(fact(payments, "critical_cves").detail())
        .startsWith("ghcr.io/example/payments:1.4.2 scanned by trivy at 2026-12-01T09:14:03");
    assertThat(fact(payments, "last_deployed_at").value())
        .isEqualTo(Instant.ofEpochSecond(deployed.getCommitTime()));
    assertThat(fact(payments, "last_deployed_at").source())
        .isEqualTo("gitops:platform/gitops@main:apps/payments");

    assertThat(fact(ledger, "oncall_annotated").value()).isEqualTo(false);
    assertThat(fact(ledger, "oncall_live").isKnown()).isFalse();
    assertThat(fact(ledger, "readme_has_runbook").value()).isEqualTo(false);
    assertThat(fact(ledger, "coverage_line_percent").isKnown()).isFalse();
    assertThat(fact(ledger, "coverage_line_percent").detail())
        .endsWith("coverage/lcov.info is lcov line 4 is not a count: LF:six");
    assertThat(fact(ledger, "endpoints_total").isKnown()).isFalse();
    assertThat(fact(ledger, "critical_cves").value()).isEqualTo(2L);
    assertThat(fact(ledger, "critical_cves").detail()).contains("scanned by grype");
    assertThat(fact(ledger, "last_deployed_at").value()).isEqualTo(LEDGER_DEPLOYED);
    assertThat(fact(ledger, "last_deployed_at").source())
        .isEqualTo("argocd:/api/v1/applications/ledger");

    // fixing the gap in the repository moves the fact at the next collection
    new dev.paved.api.catalog.CatalogGitRepos(dataDir)
        .commit(
            "platform",
            "sf-ledger",
            Map.of("README.md", "# Ledger\n\n## Runbook\n\nPage #payments.\n"));
    collect(Map.of("entity", ledger, "collector", "runbook"));
    awaitCollected(ledger, "runbook", 2);
    assertThat(fact(ledger, "readme_has_runbook").value()).isEqualTo(true);
    assertThat(facts().recorded(ledger, "coverage")).isEqualTo(1);

    // no secret in what was recorded, nor in the workflows' histories
    String recorded = facts().recordings().toString();
    assertThat(recorded).doesNotContain(FakePagerDuty.TOKEN).doesNotContain(FakeArgoCd.TOKEN);
    for (String collector : List.of("oncall", "deployments")) {
      String history =
          // the events as protobuf text: payloads show as their (JSON) bytes, not base64
          temporal
              .fetchHistory(FactCollectionWorkflow.workflowId(collector))
              .getEvents()
              .toString();
      assertThat(history)
          .contains(payments)
          .doesNotContain(FakePagerDuty.TOKEN)
          .doesNotContain(FakeArgoCd.TOKEN);
    }
  }

  @Test
  void aCompletedRunHasItsEntityCollectedByEveryCollector() {
    JsonNode started =
        startRun(
            "backstage-unchanged",
            Map.of(
                "name", "sf-inventory",
                "owner", "group:default/team-payments",
                "repoUrl", "github.com?owner=acme&repo=sf-inventory"));
    JsonNode run = awaitEnd(started.path("id").asText());
    assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("COMPLETED");

    String inventory = "component:default/sf-inventory";
    for (String collector :
        List.of("oncall", "runbook", "coverage", "slo", "image-scan", "deployments")) {
      awaitCollected(inventory, collector, 1);
    }
    // read from the repository the run made: its README, which has no runbook section
    assertThat(fact(inventory, "readme_has_runbook").value()).isEqualTo(false);
    assertThat(fact(inventory, "readme_has_runbook").source()).endsWith("/README.md");
  }

  @Test
  void anUnknownCollectorOrEntityIsRefusedAndStartsNothing() {
    Answer collector =
        post("/api/v1/scorecards/facts/collect", Map.of("collector", "sonar"), Map.of());
    assertThat(collector.status()).isEqualTo(400);
    assertThat(collector.contentType()).startsWith("application/problem+json");
    assertThat(collector.body().path("detail").asText()).isEqualTo("no fact collector sonar");
    assertThat(collector.body().path("collectors").toString())
        .contains("oncall", "runbook", "coverage", "slo", "image-scan", "deployments");

    Answer entity =
        post(
            "/api/v1/scorecards/facts/collect",
            Map.of("entity", "component:default/nope"),
            Map.of());
    assertThat(entity.status()).isEqualTo(400);
    assertThat(entity.contentType()).startsWith("application/problem+json");
    assertThat(entity.body().path("detail").asText())
        .isEqualTo("no entity component:default/nope in the catalog");
    assertThat(facts().recordings()).noneMatch(r -> r.entityRef().equals("component:default/nope"));

    Answer misspelt =
        post("/api/v1/scorecards/facts/collect", Map.of("colector", "runbook"), Map.of());
    assertThat(misspelt.status()).isEqualTo(400);
    assertThat(misspelt.body().path("detail").asText()).startsWith("unknown field colector");
    Answer empty = post("/api/v1/scorecards/facts/collect", Map.of("entity", " "), Map.of());
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.body().path("detail").asText())
        .isEqualTo("entity must be a non-empty string, or left out");
  }
}
