package dev.paved.api;

import static dev.paved.api.ScorecardInputs.OPERATION;
import static dev.paved.api.ScorecardInputs.OPERATION_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipped service golden paths make services that reach Silver on their first day: a real run
 * of each, and what it made read back where and as the scorecards read it (docs/scorecards.md):
 * runbook, report annotations, an OpenAPI definition whose every operation has an OpenSLO SLO, a CI
 * that writes coverage and Trivy reports and publishes them on {@code paved-reports}, and the
 * PagerDuty annotation when the form was given an id.
 */
class GoldenPathScorecardReadinessTest extends EndToEndTest {

  static final String PAGERDUTY = "PXPGF42";

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"java-service", "java-service-postgres", "go-http-service"})
  void aNewServiceCarriesWhatTheScorecardsRead(String template) throws Exception {
    String name = "ready-" + template.replace("-service", "").replace("-http", "");
    Path repo = made(template, name, PAGERDUTY);
    boolean go = template.startsWith("go-");

    String readme = Files.readString(repo.resolve("README.md"));
    assertThat(readme).containsPattern("(?m)^## Runbook$");
    String runbook = readme.substring(readme.indexOf("## Runbook")).split("\n## ")[0];
    assertThat(runbook)
        .contains("rollout restart deploy/" + name) // restart
        .contains("GitOps repository", "apps/" + name + "/", "git revert") // roll back
        .contains("dashboards/" + name + ".json") // the dashboard
        .contains("PagerDuty service `" + PAGERDUTY + "`"); // how to page

    JsonNode component = catalogEntity(repo, "Component");
    JsonNode annotations = component.path("metadata").path("annotations");
    String coverageFile = go ? "lcov.info" : "jacoco.xml";
    assertThat(annotations.path("paved.dev/coverage-report").asText())
        .isEqualTo("paved-reports:" + coverageFile);
    assertThat(annotations.path("paved.dev/image-scan-report").asText())
        .isEqualTo("paved-reports:trivy.json");
    assertThat(annotations.path("paved.dev/slo-path").asText()).isEqualTo("slo/");
    assertThat(annotations.path("pagerduty.com/service-id").asText()).isEqualTo(PAGERDUTY);
    assertThat(component.path("spec").path("providesApis").toString())
        .contains("api:default/" + name);
    // valid as Backstage reads it once the $text placeholder is read
    assertThat(
            BackstageEntities.problems(
                ScorecardInputs.withPlaceholdersRead(repo.resolve("catalog-info.yaml"))))
        .isEmpty();

    // the API entity's OpenAPI definition, as the catalog holds it, and one SLO per operation
    JsonNode api = get("/api/v1/catalog/entities/api/default/" + name).body();
    assertThat(api.path("spec").path("type").asText()).isEqualTo("openapi");
    Map<String, String> operations =
        ScorecardInputs.operations(api.path("spec").path("definition").asText());
    assertThat(operations).containsEntry("GET /hello", "getHello");
    List<JsonNode> slos = ScorecardInputs.slos(repo.resolve("slo"));
    Map<String, String> covered = new HashMap<>();
    for (JsonNode slo : slos) {
      JsonNode labels = slo.path("metadata").path("labels");
      String operation = labels.path(OPERATION).asText();
      assertThat(operations).as("SLO %s", slo.path("metadata")).containsKey(operation);
      assertThat(labels.path(OPERATION_ID).asText()).isEqualTo(operations.get(operation));
      assertThat(slo.path("spec").path("service").asText()).isEqualTo(name);
      assertThat(slo.path("spec").path("objectives").get(0).path("target").asDouble())
          .isBetween(0.9, 0.9999);
      JsonNode ratio = slo.path("spec").path("indicator").path("spec").path("ratioMetric");
      assertThat(ratio.path("total").path("metricSource").path("spec").path("query").asText())
          .contains("service_name=\"" + name + "\"", "http_request_method=\"GET\"")
          .containsPattern("http_route=~?\"[^\"]*/hello\"");
      covered.put(operation, slo.path("metadata").path("name").asText());
    }
    assertThat(covered.keySet()).isEqualTo(operations.keySet());

    CiWorkflowChecks.check(repo, go ? "lcov.info" : "jacoco.xml");
    CiWorkflowChecks.publishReportsAsCiDoes(repo, coverageFile);
    if (go) {
      CiWorkflowChecks.goCoverageBecomesLcov(repo, "github.com/team-ready/" + name);
    }
  }

  @Test
  void withoutAPagerDutyIdNoOnCallAnnotationIsMade() throws Exception {
    Path repo = made("java-service", "ready-no-pager", null);
    JsonNode annotations = catalogEntity(repo, "Component").path("metadata").path("annotations");
    assertThat(annotations.has("pagerduty.com/service-id")).isFalse();
    assertThat(annotations.path("paved.dev/slo-path").asText()).isEqualTo("slo/");
    assertThat(
            BackstageEntities.problems(
                ScorecardInputs.withPlaceholdersRead(repo.resolve("catalog-info.yaml"))))
        .isEmpty();
    assertThat(Files.readString(repo.resolve("README.md")))
        .contains(
            "through the\nteam's on-call rota", "as the annotation `pagerduty.com/service-id`")
        .doesNotContain("{%", "PagerDuty service `");
  }

  @Test
  void aMalformedPagerDutyIdIsRefusedByTheForm() {
    Map<String, Object> parameters =
        new HashMap<>(Map.of("name", "ready-bad", "owner", "team-ready"));
    parameters.put("pagerdutyServiceId", "P1\ninjected: true");
    Answer answer = postRun("java-service", parameters, Map.of());
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().toString()).contains("pagerdutyServiceId");
  }

  private Path made(String template, String name, String pagerduty) throws Exception {
    Map<String, Object> parameters = new HashMap<>(Map.of("name", name, "owner", "team-ready"));
    if (pagerduty != null) {
      parameters.put("pagerdutyServiceId", pagerduty);
    }
    JsonNode run = awaitEnd(startRun(template, parameters).path("id").asText());
    assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("COMPLETED");
    Path clone = Files.createTempDirectory(name);
    String remoteUrl = run.path("output").path("links").get(0).path("url").asText();
    Git.cloneRepository().setURI(remoteUrl).setDirectory(clone.toFile()).call().close();
    return clone;
  }

  private static JsonNode catalogEntity(Path repo, String kind) throws Exception {
    return ScorecardInputs.documents(repo.resolve("catalog-info.yaml")).stream()
        .filter(d -> d.path("kind").asText().equals(kind))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " in catalog-info.yaml"));
  }
}
