package dev.paved.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paved.activities.secrets.LocalSecretStore;
import dev.paved.activities.secrets.SecretStore;
import io.temporal.client.WorkflowClient;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The walking skeleton's promise: a form in, a whole service out, or nothing left behind. */
class GoldenPathRunTest extends EndToEndTest {

  @Autowired WorkflowClient workflowClient;
  @Autowired SecretStore secretStore;

  @Test
  void javaServiceRunCompletesWithRepositoryGitopsBranchAndCatalogEntry() throws Exception {
    JsonNode started =
        startRun(
            "java-service",
            Map.of("name", "checkout", "owner", "team-payments", "description", "Checkout API"));
    assertThat(started.path("status").asText()).isEqualTo("RUNNING");
    assertThat(started.path("steps")).hasSize(9);
    assertThat(started.path("steps").get(0).path("id").asText()).isEqualTo("approval");

    JsonNode run = awaitEnd(started.path("id").asText());

    assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("COMPLETED");
    assertThat(run.path("parameters").path("lifecycle").asText()).isEqualTo("experimental");
    assertThat(run.path("steps")).hasSize(9);
    // an experimental service needs no approval: the step is skipped, every other one succeeds
    assertThat(run.path("steps").get(0).path("status").asText()).isEqualTo("SKIPPED");
    assertEveryStepSucceeded(run);
    for (JsonNode step : run.path("steps")) {
      if (!step.path("id").asText().equals("approval")) {
        assertThat(step.path("attempts").asInt()).as(step.toString()).isGreaterThanOrEqualTo(1);
      }
      assertThat(step.path("startedAt").isNull()).isFalse();
      assertThat(step.path("endedAt").isNull()).isFalse();
    }
    String remoteUrl = run.path("output").path("links").get(0).path("url").asText();
    assertThat(remoteUrl).startsWith("file:");

    Path clone = Files.createTempDirectory("checkout-clone");
    try (Git git = Git.cloneRepository().setURI(remoteUrl).setDirectory(clone.toFile()).call()) {
      assertThat(git.getRepository().getBranch()).isEqualTo("main");
    }
    assertThat(clone.resolve("Dockerfile")).exists();
    assertThat(clone.resolve(".github/workflows/ci.yml")).exists();
    assertThat(Files.readString(clone.resolve("README.md"))).contains("Runbook");
    assertThat(Files.readString(clone.resolve("catalog-info.yaml")))
        .contains("name: checkout")
        .contains("owner: team-payments")
        .doesNotContain("${{");
    assertThat(clone.resolve("pom.xml")).exists();

    List<String> gitopsFiles =
        branchFiles(dataDir.resolve("git/platform/gitops.git"), "paved/checkout");
    assertThat(gitopsFiles)
        .contains(
            "apps/checkout/deployment.yaml",
            "apps/checkout/service.yaml",
            "apps/checkout/ingress.yaml",
            "apps/checkout/networkpolicy.yaml",
            "dashboards/checkout.json",
            "infra/checkout/cdk.tf.json");

    JsonNode entity = get("/api/v1/catalog/entities/component/default/checkout").body();
    assertThat(entity.path("spec").path("owner").asText()).isEqualTo("team-payments");
    JsonNode byOwner = get("/api/v1/catalog/entities?kind=component&owner=team-payments").body();
    assertThat(byOwner.path("items"))
        .extracting(e -> e.path("metadata").path("name").asText())
        .contains("checkout");

    // the workspace is gone, and the secret value reached neither workflow history nor the API
    assertThat(dataDir.resolve("workspaces").resolve(run.path("id").asText())).doesNotExist();
    JsonNode secrets = step(run, "secrets").path("output");
    assertThat(secrets.path("path").asText())
        .isEqualTo("secret/team-payments/checkout/development");
    String secretValue =
        ((LocalSecretStore) secretStore)
            .read("secret/team-payments/checkout/development")
            .orElseThrow()
            .value("app-secret");
    assertThat(secretValue).hasSizeGreaterThan(20);
    // the raw history bytes: payloads are JSON inside, base64 only in the JSON form of history
    String history =
        workflowClient
            .fetchHistory("service:team-payments/checkout")
            .getHistory()
            .toByteString()
            .toStringUtf8();
    assertThat(history).contains("secret/team-payments/checkout/development");
    assertThat(history).doesNotContain(secretValue);
    assertThat(get("/api/v1/runs/" + run.path("id").asText()).body().toString())
        .doesNotContain(secretValue);

    // the name is taken now: a second run is refused and starts nothing
    Answer again =
        postRun("java-service", Map.of("name", "checkout", "owner", "team-search"), Map.of());
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.contentType()).startsWith("application/problem+json");
    assertThat(again.body().path("detail").asText()).contains("checkout");
    Answer againWithKey =
        postRun(
            "java-service",
            Map.of("name", "checkout", "owner", "team-payments"),
            Map.of("Idempotency-Key", "a-new-key"));
    assertThat(againWithKey.status()).isEqualTo(409);
    assertThat(againWithKey.body().path("detail").asText()).contains("already exists");
  }

  @Test
  void badParametersAnswer400PerFieldAndStartNothing() {
    int before = get("/api/v1/runs?limit=500").body().path("items").size();
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("name", "Not_A_DNS_Label");
    parameters.put("lifecycle", "forever");

    Answer answer = postRun("java-service", parameters, Map.of());

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.body().path("errors"))
        .extracting(e -> e.path("field").asText())
        .contains("name", "owner", "lifecycle");
    assertThat(get("/api/v1/runs?limit=500").body().path("items").size()).isEqualTo(before);
    assertThat(dataDir.resolve("git/team-payments/Not_A_DNS_Label.git")).doesNotExist();
  }

  @Test
  void unknownTemplateAnswers404() {
    Answer answer = postRun("nope", Map.of(), Map.of());
    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.contentType()).startsWith("application/problem+json");
  }

  @Test
  void idempotencyKeyReturnsTheSameRun() throws Exception {
    Map<String, Object> body =
        Map.of(
            "template",
            "failing-after-repository",
            "parameters",
            Map.of("name", "idem", "owner", "team-x"));
    Answer first = post("/api/v1/runs", body, Map.of("Idempotency-Key", "k-1"));
    Answer second = post("/api/v1/runs", body, Map.of("Idempotency-Key", "k-1"));
    assertThat(first.status()).isEqualTo(202);
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.body().path("id").asText()).isEqualTo(first.body().path("id").asText());
    Answer changed =
        postRun(
            "failing-after-repository",
            Map.of("name", "idem2", "owner", "team-x"),
            Map.of("Idempotency-Key", "k-1"));
    assertThat(changed.status()).isEqualTo(422);
    awaitEnd(first.body().path("id").asText());
  }

  @Test
  void concurrentRequestsWithOneIdempotencyKeyStartOneRun() throws Exception {
    Map<String, Object> body =
        Map.of(
            "template",
            "failing-after-repository",
            "parameters",
            Map.of("name", "racy", "owner", "team-x"));
    List<CompletableFuture<Answer>> answers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      answers.add(
          CompletableFuture.supplyAsync(
              () -> post("/api/v1/runs", body, Map.of("Idempotency-Key", "race-1"))));
    }
    List<Answer> done = answers.stream().map(CompletableFuture::join).toList();

    // One request starts the run; the others get it back or, while it is being processed, 409.
    assertThat(done).extracting(Answer::status).containsOnlyOnce(202);
    assertThat(done).extracting(Answer::status).isSubsetOf(200, 202, 409);
    String runId =
        done.stream()
            .filter(a -> a.status() == 202)
            .findFirst()
            .orElseThrow()
            .body()
            .path("id")
            .asText();
    assertThat(done)
        .filteredOn(a -> a.status() == 200)
        .extracting(a -> a.body().path("id").asText())
        .containsOnly(runId);
    assertThat(done)
        .filteredOn(a -> a.status() == 409)
        .allSatisfy(a -> assertThat(a.body().path("detail").asText()).contains("Idempotency-Key"));
    Answer later = post("/api/v1/runs", body, Map.of("Idempotency-Key", "race-1"));
    assertThat(later.status()).isEqualTo(200);
    assertThat(later.body().path("id").asText()).isEqualTo(runId);
    awaitEnd(runId);
  }

  @Test
  void aStepFailingAfterTheRepositoryWasMadeRollsBackAndRemovesIt() throws Exception {
    JsonNode started =
        startRun("failing-after-repository", Map.of("name", "doomed", "owner", "team-search"));

    JsonNode run = awaitEnd(started.path("id").asText());

    assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("ROLLED_BACK");
    assertThat(run.path("failedStep").asText()).isEqualTo("register");
    assertThat(run.path("error").asText()).contains("register").contains("no-such-file.yaml");
    assertThat(run.path("steps").get(1).path("status").asText()).isEqualTo("COMPENSATED");
    assertThat(run.path("steps").get(2).path("status").asText()).isEqualTo("FAILED");
    assertThat(run.path("steps").get(2).path("errorType").asText()).isEqualTo("InvalidInput");
    assertThat(dataDir.resolve("git/team-search/doomed.git")).doesNotExist();
    // a rolled-back run frees the name
    JsonNode retried =
        startRun("failing-after-repository", Map.of("name", "doomed", "owner", "team-search"));
    assertThat(awaitEnd(retried.path("id").asText()).path("status").asText())
        .isEqualTo("ROLLED_BACK");
  }

  @Test
  void templatesListAndDetail() {
    JsonNode list = get("/api/v1/templates").body();
    assertThat(list.path("items"))
        .extracting(t -> t.path("name").asText())
        .contains("java-service");
    JsonNode detail = get("/api/v1/templates/java-service").body();
    assertThat(detail.path("parameters").path("required"))
        .extracting(JsonNode::asText)
        .contains("name", "owner");
    assertThat(detail.path("parameters").path("properties").has("lifecycle")).isTrue();
    assertThat(get("/api/v1/templates/nope").status()).isEqualTo(404);
  }

  @Test
  void aTemplateWithABrokenExpressionIsRefusedAtLoadAndListedWithItsReason() {
    JsonNode list = get("/api/v1/templates").body();
    assertThat(list.path("items"))
        .extracting(t -> t.path("name").asText())
        .doesNotContain("broken-expression");
    assertThat(list.path("refused"))
        .anySatisfy(
            refused -> {
              assertThat(refused.path("name").asText()).isEqualTo("broken-expression");
              assertThat(refused.path("problems").toString()).contains("step 'say'", "shout");
            });
    Answer run = postRun("broken-expression", Map.of(), Map.of());
    assertThat(run.status()).isEqualTo(404);
  }

  @Test
  void malformedRequestsAnswerProblemJson() {
    Answer notJson = send("POST", "/api/v1/runs", "{not json");
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(notJson.contentType()).startsWith("application/problem+json");
    Answer noTemplate = post("/api/v1/runs", Map.of("parameters", Map.of()), Map.of());
    assertThat(noTemplate.status()).isEqualTo(400);
    assertThat(noTemplate.body().path("detail").asText()).contains("template");
    Answer badStatus = get("/api/v1/runs?status=DANCING");
    assertThat(badStatus.status()).isEqualTo(400);
    assertThat(badStatus.contentType()).startsWith("application/problem+json");
    assertThat(get("/api/v1/runs/r-nope").status()).isEqualTo(404);
    assertThat(get("/api/v1/catalog/entities/component/default/nope").status()).isEqualTo(404);
  }

  @Test
  void servesItsOpenApiDocument() {
    JsonNode openapi = get("/api/v1/openapi").body();
    assertThat(openapi.path("paths").has("/api/v1/runs")).isTrue();
    assertThat(openapi.path("paths").has("/api/v1/templates/{name}")).isTrue();
  }

  @Test
  void healthShowsTheEmbeddedTemporalService() {
    JsonNode temporal = get("/actuator/health").body().path("components").path("temporal");
    assertThat(temporal.path("status").asText()).isEqualTo("UP");
    assertThat(temporal.path("details").path("mode").asText()).isEqualTo("embedded");
  }

  private static JsonNode step(JsonNode run, String id) {
    for (JsonNode step : run.path("steps")) {
      if (step.path("id").asText().equals(id)) {
        return step;
      }
    }
    throw new AssertionError("no step " + id + " in " + run);
  }

  private static List<String> branchFiles(Path bareRepository, String branch) throws Exception {
    Path clone = Files.createTempDirectory("gitops-clone");
    try (Git git =
        Git.cloneRepository()
            .setURI(bareRepository.toUri().toString())
            .setBranch(branch)
            .setDirectory(clone.toFile())
            .call()) {
      try (var files = Files.walk(clone)) {
        return files
            .filter(Files::isRegularFile)
            .map(p -> clone.relativize(p).toString().replace(File.separatorChar, '/'))
            .filter(p -> !p.startsWith(".git/"))
            .toList();
      }
    }
  }
}
