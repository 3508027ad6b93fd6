package dev.paved.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code POST /runs?dryRun=true}: what a run would make, file by file, with nothing made. */
class DryRunTest extends EndToEndTest {

  private static final Map<String, Object> CHECKOUT =
      Map.of("name", "preview", "owner", "team-payments", "description", "Preview API");

  private Answer dryRun(String template, Map<String, Object> parameters) {
    return post(
        "/api/v1/runs?dryRun=true",
        Map.of("template", template, "parameters", parameters),
        Map.of());
  }

  @Test
  void dryRunOfTheJavaServiceShowsEverythingAndMakesNothing() throws Exception {
    Set<String> dataBefore = tree(dataDir);
    Set<String> tempBefore = dryRunFolders();
    int runsBefore = get("/api/v1/runs?limit=500").body().path("items").size();

    Answer answer = dryRun("java-service", CHECKOUT);

    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
    JsonNode report = answer.body();
    assertThat(report.path("dryRun").asBoolean()).isTrue();
    assertThat(report.path("status").asText())
        .as(report.path("error").asText())
        .isEqualTo("COMPLETED");
    assertThat(report.path("serviceKey").asText()).isEqualTo("team-payments/preview");
    assertThat(report.path("parameters").path("lifecycle").asText()).isEqualTo("experimental");
    assertThat(report.path("steps")).hasSize(9);
    // an experimental service asks no approval; a production one would wait for it
    assertThat(report.path("steps").get(0).path("status").asText()).isEqualTo("SKIPPED");
    List<JsonNode> planned = new ArrayList<>();
    report.path("steps").forEach(planned::add);
    assertThat(planned.subList(1, planned.size()))
        .allSatisfy(s -> assertThat(s.path("status").asText()).isEqualTo("PLANNED"));
    assertThat(report.path("steps").get(1).path("input").path("values").path("name").asText())
        .isEqualTo("preview");

    List<String> files = new ArrayList<>();
    report.path("files").forEach(f -> files.add(f.path("path").asText()));
    assertThat(files)
        .contains(
            "service/pom.xml",
            "service/Dockerfile",
            "service/catalog-info.yaml",
            "service/src/main/java/service/preview/Application.java",
            "gitops/apps/preview/deployment.yaml",
            "gitops/dashboards/preview.json",
            "gitops/infra/preview/cdk.tf.json");
    assertThat(file(report, "service/catalog-info.yaml").path("content").asText())
        .contains("name: preview", "owner: team-payments")
        .doesNotContain("${{");

    JsonNode repository = resource(report, "repository");
    assertThat(repository.path("step").asText()).isEqualTo("publish");
    assertThat(repository.path("repoUrl").asText())
        .isEqualTo("github.com?owner=team-payments&repo=preview");
    assertThat(repository.path("files").toString()).contains("pom.xml", ".github/workflows/ci.yml");
    assertThat(
            resource(report, "kubernetes-manifests")
                .path("files")
                .path("gitops/apps/preview/deployment.yaml")
                .asText())
        .contains("kind: Deployment", "name: preview");
    assertThat(resource(report, "dashboard").path("json").path("uid").asText()).isNotBlank();
    JsonNode secret = resource(report, "secret-path");
    assertThat(secret.path("path").asText()).isEqualTo("secret/team-payments/preview/development");
    assertThat(secret.path("keys").toString()).isEqualTo("[\"app-secret\"]");
    assertThat(secret.has("values")).isFalse();
    assertThat(resource(report, "infrastructure").path("json").has("resource")).isTrue();
    assertThat(resource(report, "catalog-entity").path("entityRef").asText())
        .isEqualTo("component:default/preview");
    assertThat(resource(report, "pull-request").path("files").toString())
        .contains("apps/preview/deployment.yaml", "dashboards/preview.json");
    String remoteUrl = repository.path("remoteUrl").asText();
    assertThat(report.path("output").path("links").get(0).path("url").asText())
        .isEqualTo(remoteUrl);
    assertThat(report.path("output").path("links").get(2).path("entityRef").asText())
        .isEqualTo("component:default/preview");

    // nothing was made: no repository, workspace, secret or run, and the temporary folder is gone
    assertThat(tree(dataDir)).isEqualTo(dataBefore);
    assertThat(dryRunFolders()).isSubsetOf(tempBefore);
    assertThat(get("/api/v1/runs?limit=500").body().path("items").size()).isEqualTo(runsBefore);
    assertThat(get("/api/v1/catalog/entities/component/default/preview").status()).isEqualTo(404);

    // nor was the name claimed: a real run of the same service starts and completes
    JsonNode run = startRun("java-service", CHECKOUT);
    assertThat(awaitEnd(run.path("id").asText()).path("status").asText()).isEqualTo("COMPLETED");
  }

  @Test
  void aStepThatWouldFailIsReportedAndStillNothingIsMade() throws IOException {
    Set<String> dataBefore = tree(dataDir);

    Answer answer = dryRun("failing-after-repository", Map.of("name", "dry", "owner", "team-x"));

    assertThat(answer.status()).isEqualTo(200);
    JsonNode report = answer.body();
    assertThat(report.path("status").asText()).isEqualTo("FAILED");
    assertThat(report.path("failedStep").asText()).isEqualTo("register");
    assertThat(report.path("errorType").asText()).isEqualTo("InvalidInput");
    assertThat(report.path("error").asText()).contains("no-such-file.yaml");
    assertThat(report.path("steps"))
        .extracting(s -> s.path("status").asText())
        .containsExactly("PLANNED", "PLANNED", "FAILED");
    assertThat(tree(dataDir)).isEqualTo(dataBefore);
  }

  @Test
  void aProductionDryRunShowsTheApprovalItWouldWaitFor() {
    Map<String, Object> production = new java.util.HashMap<>(CHECKOUT);
    // its own name: another test starts a real run of "preview", and a dry run of a taken name
    // is refused as the run would be
    production.put("name", "preview-production");
    production.put("lifecycle", "production");

    Answer answer = dryRun("java-service", production);

    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
    assertThat(answer.body().path("steps").get(0).path("status").asText()).isEqualTo("PLANNED");
    JsonNode approval = resource(answer.body(), "approval");
    assertThat(approval.path("approvers").toString()).isEqualTo("[\"team-payments\",\"platform\"]");
    assertThat(approval.path("minApprovals").asInt()).isEqualTo(1);
    assertThat(approval.path("timeout").asText()).isEqualTo("PT72H");
    assertThat(get("/api/v1/approvals").body().path("items").toString()).doesNotContain("preview");
  }

  @Test
  void badParametersAnswer400AsForARun() {
    Answer answer = dryRun("java-service", Map.of("name", "Not_A_DNS_Label"));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.body().path("errors").toString()).contains("owner");
    assertThat(dryRun("nope", Map.of()).status()).isEqualTo(404);
  }

  private static JsonNode resource(JsonNode report, String kind) {
    for (JsonNode resource : report.path("resources")) {
      if (kind.equals(resource.path("kind").asText())) {
        return resource;
      }
    }
    throw new AssertionError("no " + kind + " in " + report.path("resources"));
  }

  private static JsonNode file(JsonNode report, String path) {
    for (JsonNode file : report.path("files")) {
      if (path.equals(file.path("path").asText())) {
        return file;
      }
    }
    throw new AssertionError("no file " + path);
  }

  /** Every path under the folder (names only: the database file's content may change). */
  private static Set<String> tree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      return paths
          .map(p -> root.relativize(p).toString().replace(File.separatorChar, '/'))
          .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }
  }

  private static Set<String> dryRunFolders() throws IOException {
    try (Stream<Path> paths = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return paths
          .map(p -> p.getFileName().toString())
          .filter(name -> name.startsWith("paved-dry-run-"))
          .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }
  }
}
