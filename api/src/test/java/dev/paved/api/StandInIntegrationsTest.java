package dev.paved.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paved.activities.dashboard.ServiceDashboard;
import dev.paved.activities.github.GithubMarker;
import dev.paved.testfixtures.StandIn;
import dev.paved.testfixtures.github.FakeGithub;
import dev.paved.testfixtures.grafana.FakeGrafana;
import dev.paved.testfixtures.vault.FakeVault;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The shipped {@code java-service} template with GitHub (Enterprise Server), Vault and Grafana set,
 * each pointed at a stateful stand-in that answers as the documented API: a run provisions through
 * the real adapters; failures that heal on retry make nothing twice; a run whose Grafana keeps
 * refusing, or whose GitHub token may not write workflows, rolls back exactly what it made; a rerun
 * adopts what a failed undo left and leaves it alone. The stand-ins hold another service's
 * repository, secret, policy and dashboard, which must survive every rollback.
 */
@ExtendWith(OutputCaptureExtension.class)
class StandInIntegrationsTest extends EndToEndTest {

  // live as long as the test JVM, like the cached context that talks to them
  static final FakeGithub GITHUB = new FakeGithub();
  static final FakeVault VAULT = new FakeVault();
  static final FakeGrafana GRAFANA = new FakeGrafana();

  static final String OTHER_SERVICE = "team-search/crawler";
  static final String OTHER_RUN = "r-00000000000000c1";
  static final String OTHER_SECRET = "secret/team-search/crawler/development";
  static final String OTHER_POLICY = "team-search-crawler-development-read-0badcafe";
  static final String OTHER_DASHBOARD = ServiceDashboard.uid("team-search", "crawler");

  static {
    GITHUB.organisation("team-payments");
    GITHUB.repository("platform", "gitops", Map.of("README.md", "# GitOps\n"));
    GITHUB.repository(
        "team-search",
        "crawler",
        Map.of(
            GithubMarker.FILE,
            new GithubMarker(OTHER_SERVICE, OTHER_RUN).fileText(),
            "README.md",
            "# crawler\n"));
    VAULT.secret(OTHER_SECRET, OTHER_SERVICE, OTHER_RUN, Map.of("app-secret", "crawler-value"));
    VAULT.policy(OTHER_POLICY, "# paved:service-key=" + OTHER_SERVICE + " run=" + OTHER_RUN + "\n");
    GRAFANA.dashboard(
        ServiceDashboard.folderUid("team-search"),
        "team-search",
        JSON.createObjectNode()
            .put("uid", OTHER_DASHBOARD)
            .put("title", "crawler service")
            .put("description", "Made by Paved for " + OTHER_SERVICE + " in run " + OTHER_RUN));
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
    // a system down for good: the steps' and undos' retries and the later tries of the undos
    // left, shortened (the attempts stay as configured)
    registry.add("paved.steps.external.initial-interval", () -> "PT0.1S");
    registry.add("paved.steps.undo.initial-interval", () -> "PT0.1S");
    registry.add("paved.steps.undo.later-max-interval", () -> "PT1S");
    registry.add("paved.steps.undo.later-for", () -> "PT20S");
  }

  @Value("${spring.datasource.url}")
  String database;

  @BeforeEach
  void forgetEarlierRequests() {
    // Its own database, in its own data folder: other end-to-end contexts stay up beside this
    // one, and a run one of them left in flight must not be recovered here.
    assertThat(database).startsWith("jdbc:h2:file:" + dataDir);
    for (StandIn standIn : List.of(GITHUB, VAULT, GRAFANA)) {
      standIn.forgetCalls();
    }
  }

  @AfterEach
  void everyRequestHadARoute() {
    for (StandIn standIn : List.of(GITHUB, VAULT, GRAFANA)) {
      standIn.clearFailures();
    }
    GITHUB.workflowsWritable(true);
    for (StandIn standIn : List.of(GITHUB, VAULT, GRAFANA)) {
      assertThat(standIn.unhandled()).as(standIn.getClass().getSimpleName()).isEmpty();
    }
  }

  @Test
  void theShippedJavaServiceProvisionsThroughGithubVaultAndGrafana(CapturedOutput output)
      throws Exception {
    JsonNode run =
        awaitEnd(
            startRun(
                    "java-service",
                    Map.of(
                        "name",
                        "checkout",
                        "owner",
                        "team-payments",
                        "description",
                        "Checkout API"))
                .path("id")
                .asText());

    assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("COMPLETED");
    assertEveryStepSucceeded(run);
    String runId = run.path("id").asText();
    String service = "team-payments/checkout";

    // the repository: scaffold and marker in one root commit, then the branch protected
    JsonNode repository = GITHUB.repositoryJson(service).orElseThrow();
    assertThat(repository.path("description").asText()).isEqualTo("Checkout API");
    assertThat(repository.path("visibility").asText()).isEqualTo("private");
    assertThat(repository.path("default_branch").asText()).isEqualTo("main");
    Map<String, String> files = GITHUB.files(service, "main");
    assertThat(files)
        .containsKeys(
            "README.md", "Dockerfile", ".github/workflows/ci.yml", "catalog-info.yaml", "pom.xml");
    assertThat(files.get("catalog-info.yaml"))
        .contains("name: checkout")
        .contains("owner: team-payments")
        .doesNotContain("${{");
    assertThat(GithubMarker.fromFile(files.get(GithubMarker.FILE)))
        .contains(new GithubMarker(service, runId));
    assertThat(GITHUB.commitMessages(service, "main")).containsExactly("initial commit");
    JsonNode protection = GITHUB.protection(service, "main").orElseThrow();
    assertThat(protection.path("enforce_admins").asBoolean()).isTrue();
    assertThat(
            protection
                .path("required_pull_request_reviews")
                .path("required_approving_review_count")
                .asInt())
        .isEqualTo(1);
    List<String> github = GITHUB.lines();
    String repo = "/api/v3/repos/" + service;
    assertThat(github)
        // (no GET /orgs/team-payments each time: hub4j keeps the organisations it has read)
        .containsSubsequence(
            "POST /api/v3/orgs/team-payments/repos",
            "PUT " + repo + "/contents/.paved/service.json",
            "POST " + repo + "/git/trees",
            "POST " + repo + "/git/commits",
            "PATCH " + repo + "/git/refs/heads/main",
            "PUT " + repo + "/branches/main/protection");
    assertThat(GITHUB.calls("POST", "/api/v3/orgs/team-payments/repos").get(0).json())
        .isEqualTo(
            JSON.readTree(
                "{\"name\":\"checkout\",\"description\":\"Checkout API\","
                    + "\"visibility\":\"private\",\"auto_init\":false}"));
    assertThat(
            GITHUB
                .calls("PATCH", repo + "/git/refs/heads/main")
                .get(0)
                .json()
                .path("force")
                .asBoolean())
        .isTrue();
    assertThat(run.path("output").path("links").get(0).path("url").asText())
        .isEqualTo(GITHUB.webUrl() + "/" + service + ".git");

    // catalog:register read the entity file through the contents API, at the branch; the
    // location's own workflow, started once the entity is in, may have read it again since
    List<StandIn.Call> catalogReads = GITHUB.calls("GET", repo + "/contents/catalog-info.yaml");
    assertThat(catalogReads)
        .isNotEmpty()
        .allSatisfy(read -> assertThat(read.queryParameter("ref")).isEqualTo("main"));
    JsonNode entity = get("/api/v1/catalog/entities/component/default/checkout").body();
    assertThat(entity.path("spec").path("owner").asText()).isEqualTo("team-payments");

    // the GitOps pull request: the manifests and the stack, marked, linking the run
    List<JsonNode> pulls =
        GITHUB.pullRequests("platform/gitops").stream()
            .filter(p -> p.path("head").path("ref").asText().equals("paved/checkout"))
            .toList();
    assertThat(pulls).hasSize(1);
    JsonNode pull = pulls.get(0);
    assertThat(pull.path("state").asText()).isEqualTo("open");
    assertThat(pull.path("title").asText()).isEqualTo("Deploy checkout");
    assertThat(pull.path("head").path("ref").asText()).isEqualTo("paved/checkout");
    assertThat(pull.path("base").path("ref").asText()).isEqualTo("main");
    assertThat(pull.path("body").asText())
        .contains("/api/v1/runs/" + runId)
        .endsWith("<!-- paved:service=" + service + " run=" + runId + " -->\n");
    assertThat(run.path("output").path("links").get(1).path("url").asText())
        .isEqualTo(pull.path("html_url").asText());
    assertThat(GITHUB.files("platform/gitops", "paved/checkout"))
        .containsOnlyKeys(
            "README.md",
            "apps/checkout/deployment.yaml",
            "apps/checkout/service.yaml",
            "apps/checkout/ingress.yaml",
            "apps/checkout/networkpolicy.yaml",
            "apps/checkout/kustomization.yaml",
            "infra/checkout/cdk.tf.json");
    assertThat(GITHUB.files("platform/gitops", "main")).containsOnlyKeys("README.md");
    assertThat(GITHUB.commitMessages("platform/gitops", "paved/checkout").get(0))
        .startsWith("Deploy checkout\n")
        .endsWith("Paved-Service: " + service + "\nPaved-Run: " + runId + "\n");

    // Vault: the values at the KV v2 path, marked; the read policy and the Kubernetes role
    JsonNode secrets = step(run, "secrets").path("output");
    String path = "secret/team-payments/checkout/development";
    assertThat(secrets.path("path").asText()).isEqualTo(path);
    assertThat(VAULT.customMetadata(path).orElseThrow())
        .isEqualTo(JSON.createObjectNode().put("paved-service", service).put("paved-run", runId));
    String secretValue = VAULT.values(path).orElseThrow().get("app-secret");
    assertThat(secretValue).hasSizeGreaterThan(20);
    String policy = secrets.path("policy").asText();
    assertThat(VAULT.policyText(policy).orElseThrow())
        .startsWith("# paved:service-key=" + service + " run=" + runId + "\n")
        .contains("path \"secret/data/team-payments/checkout/development\"");
    JsonNode role = VAULT.role(policy).orElseThrow();
    assertThat(role.path("token_policies").toString()).isEqualTo("[\"" + policy + "\"]");
    assertThat(role.path("bound_service_account_names").toString()).isEqualTo("[\"default\"]");
    assertThat(role.path("bound_service_account_namespaces").toString())
        .isEqualTo("[\"checkout\"]");
    assertThat(role.path("token_ttl").asInt()).isEqualTo(3600);
    assertThat(secrets.path("kubernetesRole").asText()).isEqualTo(policy);
    String kv = "/v1/secret/%s/team-payments/checkout/development";
    // marked before the first version; the value written with check-and-set on version 0
    assertThat(VAULT.lines())
        .containsSubsequence(
            "POST " + kv.formatted("metadata"),
            "POST " + kv.formatted("data"),
            "POST /v1/sys/policies/acl/" + policy,
            "POST /v1/auth/kubernetes/role/" + policy);
    JsonNode written = VAULT.calls("POST", kv.formatted("data")).get(0).json();
    assertThat(written.path("options").path("cas").asInt()).isZero();

    // Grafana: the dashboard under the service's uid, in the team's folder, marked
    String uid = ServiceDashboard.uid("team-payments", "checkout");
    JsonNode dashboardStep = step(run, "dashboard").path("output");
    assertThat(dashboardStep.path("uid").asText()).isEqualTo(uid);
    assertThat(dashboardStep.path("url").asText())
        .isEqualTo(GRAFANA.url() + "/d/" + uid + "/checkout-service");
    JsonNode dashboard = GRAFANA.dashboard(uid).orElseThrow();
    assertThat(dashboard.path("title").asText()).isEqualTo("checkout service");
    assertThat(dashboard.path("description").asText())
        .isEqualTo("Made by Paved for " + service + " in run " + runId);
    String folder = ServiceDashboard.folderUid("team-payments");
    assertThat(GRAFANA.folderOf(uid)).isEqualTo(folder);
    assertThat(GRAFANA.folder(folder).orElseThrow().path("title").asText())
        .isEqualTo("team-payments");

    // the secret value is in Vault only: not in history, the API's answers or the logs
    Answer history = get("/api/v1/runs/" + runId + "/history");
    assertThat(history.status()).isEqualTo(200);
    String payloads = decodedPayloads(history.body());
    assertThat(payloads).contains(path);
    assertThat(payloads).doesNotContain(secretValue);
    assertThat(history.body().toString()).doesNotContain(secretValue);
    assertThat(get("/api/v1/runs/" + runId).body().toString()).doesNotContain(secretValue);
    assertThat(output.getAll()).doesNotContain(secretValue);

    // nothing was deleted, and the health page shows the three systems
    for (StandIn standIn : List.of(GITHUB, VAULT, GRAFANA)) {
      assertThat(standIn.lines()).noneMatch(line -> line.startsWith("DELETE "));
    }
    JsonNode health = get("/actuator/health").body().path("components");
    for (String system : List.of("github", "vault", "grafana")) {
      assertThat(health.path(system).path("status").asText())
          .as(health.path(system).toString())
          .isEqualTo("UP");
    }
  }

  @Test
  void aGrafanaThatKeepsRefusingRollsBackTheRunsRepositoryAndVaultEntriesOnly() throws Exception {
    GRAFANA.failWhen(
        "POST",
        "/api/dashboards/db",
        403,
        "{\"accessErrorId\":\"ACE0000000001\",\"message\":\"You'll need additional permissions to"
            + " perform this action. Permissions needed: dashboards:create\",\"title\":\"Access"
            + " denied\"}");
    Map<String, String> otherRepository = GITHUB.files("team-search/crawler", "main");

    JsonNode run =
        rollBackPausedRun(
            startRun("java-service", Map.of("name", "indexer", "owner", "team-search"))
                .path("id")
                .asText());

    assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("ROLLED_BACK");
    assertThat(run.path("failedStep").asText()).isEqualTo("dashboard");
    JsonNode failed = step(run, "dashboard");
    assertThat(failed.path("status").asText()).isEqualTo("FAILED");
    assertThat(failed.path("errorType").asText()).isEqualTo("Unauthorized");
    assertThat(run.path("error").asText()).contains("403", "dashboards:create");
    assertThat(step(run, "publish").path("status").asText()).isEqualTo("COMPENSATED");
    assertThat(step(run, "secrets").path("status").asText()).isEqualTo("COMPENSATED");
    assertThat(step(run, "gitops").path("status").asText()).isEqualTo("PENDING");
    // a refusal is not retried
    assertThat(GRAFANA.calls("POST", "/api/dashboards/db")).hasSize(1);

    // GitHub: the run's repository is gone, and only it
    String repo = "/api/v3/repos/team-search/indexer";
    assertThat(GITHUB.lines()).contains("DELETE " + repo);
    assertThat(GITHUB.hasRepository("team-search/indexer")).isFalse();
    assertThat(GITHUB.deleted()).contains("team-search/indexer");
    assertThat(GITHUB.lines())
        .filteredOn(l -> l.startsWith("DELETE "))
        .containsExactly("DELETE " + repo);
    assertThat(GITHUB.files("team-search/crawler", "main")).isEqualTo(otherRepository);
    assertThat(GITHUB.pullRequests("platform/gitops"))
        .noneMatch(p -> p.path("head").path("ref").asText().equals("paved/indexer"));

    // Vault: the run's role, secret path (every version) and policy are gone, and only they
    String path = "secret/team-search/indexer/development";
    String policy = step(run, "secrets").path("output").path("policy").asText();
    assertThat(policy).startsWith("team-search-indexer-development-read-");
    assertThat(VAULT.lines())
        .filteredOn(l -> l.startsWith("DELETE "))
        .containsExactly(
            "DELETE /v1/auth/kubernetes/role/" + policy,
            "DELETE /v1/secret/metadata/team-search/indexer/development",
            "DELETE /v1/sys/policies/acl/" + policy);
    assertThat(VAULT.customMetadata(path)).isEmpty();
    assertThat(VAULT.values(path)).isEmpty();
    assertThat(VAULT.policyText(policy)).isEmpty();
    assertThat(VAULT.role(policy)).isEmpty();
    assertThat(VAULT.values(OTHER_SECRET)).contains(Map.of("app-secret", "crawler-value"));
    assertThat(VAULT.customMetadata(OTHER_SECRET).orElseThrow().path("paved-service").asText())
        .isEqualTo(OTHER_SERVICE);
    assertThat(VAULT.policyText(OTHER_POLICY)).isPresent();

    // Grafana: nothing was made, so nothing was undone; the team's folder and its other
    // dashboard stay
    assertThat(failed.path("undo").path("status").asText()).isEqualTo("NOTHING_TO_UNDO");
    assertThat(GRAFANA.dashboard(ServiceDashboard.uid("team-search", "indexer"))).isEmpty();
    assertThat(GRAFANA.dashboard(OTHER_DASHBOARD)).isPresent();
    assertThat(GRAFANA.lines()).noneMatch(l -> l.startsWith("DELETE "));
  }

  @Test
  void aTokenThatMayNotWriteWorkflowsFailsThePublishAtOnceAndLeavesNoRepository() throws Exception {
    GITHUB.workflowsWritable(false);

    JsonNode run =
        rollBackPausedRun(
            startRun("java-service", Map.of("name", "ledger", "owner", "team-payments"))
                .path("id")
                .asText());

    assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("ROLLED_BACK");
    assertThat(run.path("failedStep").asText()).isEqualTo("publish");
    JsonNode publish = step(run, "publish");
    assertThat(publish.path("errorType").asText()).isEqualTo("Unauthorized");
    assertThat(run.path("error").asText())
        .contains(".github/workflows/ci.yml", "`workflow` scope", "Workflows");
    String repo = "/api/v3/repos/team-payments/ledger";
    // refused once, not retried: the marked repository it had made is deleted by the undo
    assertThat(GITHUB.calls("POST", repo + "/git/trees")).hasSize(1);
    assertThat(GITHUB.lines()).contains("DELETE " + repo);
    assertThat(GITHUB.hasRepository("team-payments/ledger")).isFalse();
    assertThat(VAULT.lines()).isEmpty();
    assertThat(GRAFANA.lines()).isEmpty();
  }

  @Test
  void failuresThatHealOnRetryMakeNothingTwice() throws Exception {
    String repo = "/api/v3/repos/team-payments/wallet";
    String error = "{\"message\":\"Server Error\"}";
    // each system fails once half-way through its step, after the step made something
    GITHUB.failNext(1, "POST", repo + "/git/trees", 502, error);
    GITHUB.failNext(1, "POST", "/api/v3/repos/platform/gitops/pulls", 502, error);
    VAULT.failNext(1, "POST", "/v1/sys/policies/acl/.*", 503, "{\"errors\":[\"Vault is sealed\"]}");
    GRAFANA.failNext(1, "POST", "/api/dashboards/db", 503, error);

    JsonNode run =
        awaitEnd(
            startRun("java-service", Map.of("name", "wallet", "owner", "team-payments"))
                .path("id")
                .asText());

    assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("COMPLETED");
    for (String id : List.of("publish", "secrets", "dashboard", "gitops")) {
      assertThat(step(run, id).path("attempts").asInt()).as(id).isEqualTo(2);
    }
    String runId = run.path("id").asText();
    String service = "team-payments/wallet";
    // the second attempt adopted the marked repository and replaced its marker-only commit
    assertThat(GITHUB.calls("POST", "/api/v3/orgs/team-payments/repos")).hasSize(2);
    assertThat(GITHUB.commitMessages(service, "main")).containsExactly("initial commit");
    Map<String, String> files = GITHUB.files(service, "main");
    assertThat(files).containsKeys("README.md", ".github/workflows/ci.yml");
    assertThat(GithubMarker.fromFile(files.get(GithubMarker.FILE)))
        .contains(new GithubMarker(service, runId));
    assertThat(GITHUB.protection(service, "main")).isPresent();
    // the value was generated and written once
    String path = "secret/team-payments/wallet/development";
    assertThat(VAULT.calls("POST", "/v1/secret/data/team-payments/wallet/development")).hasSize(1);
    assertThat(VAULT.values(path).orElseThrow()).containsOnlyKeys("app-secret");
    assertThat(VAULT.policyText(step(run, "secrets").path("output").path("policy").asText()))
        .isPresent();
    // one dashboard, saved once
    assertThat(
            GRAFANA
                .dashboard(ServiceDashboard.uid("team-payments", "wallet"))
                .orElseThrow()
                .path("version")
                .asInt())
        .isEqualTo(1);
    // one commit on the GitOps branch (the retry found it there) and one pull request
    List<String> branch = GITHUB.commitMessages("platform/gitops", "paved/wallet");
    assertThat(branch).hasSize(2);
    assertThat(branch.get(0)).startsWith("Deploy wallet\n");
    assertThat(GITHUB.pullRequests("platform/gitops"))
        .filteredOn(p -> p.path("head").path("ref").asText().equals("paved/wallet"))
        .hasSize(1);
  }

  @Test
  void aRerunAdoptsTheRepositoryAFailedUndoLeftAndItsOwnRollbackLeavesItThere() throws Exception {
    String repo = "/api/v3/repos/team-search/archiver";
    GRAFANA.failWhen("POST", "/api/dashboards/db", 403, "{\"message\":\"Access denied\"}");
    GITHUB.failWhen(
        "DELETE",
        repo,
        403,
        "{\"message\":\"Must have admin rights to Repository.\",\"documentation_url\":"
            + "\"https://docs.github.com/rest/repos/repos#delete-a-repository\",\"status\":\"403\"}");

    JsonNode rolling =
        rollBackPausedRun(
            startRun("java-service", Map.of("name", "archiver", "owner", "team-search"))
                .path("id")
                .asText());

    // the repository's undo was refused: the run keeps trying it while the rest is undone, and
    // when its time runs out (20 seconds here, a week by default) it fails naming what is left
    assertThat(rolling.path("status").asText()).as(rolling.toString()).isEqualTo("ROLLING_BACK");
    assertThat(step(rolling, "publish").path("undo").path("status").asText()).isEqualTo("RETRYING");
    JsonNode first =
        awaitAnswer(
            "/api/v1/runs/" + rolling.path("id").asText(),
            r -> r.path("status").asText().equals("FAILED"));
    assertThat(first.path("error").asText())
        .contains(
            "gave up undoing after PT20S",
            "step 'publish' (publish:github) github repository team-search/archiver",
            "Must have admin rights");
    assertThat(step(first, "publish").path("undo").path("status").asText()).isEqualTo("GAVE_UP");
    // the audit trail says what was left behind, and where
    assertThat(get("/api/v1/audit?subject=run:" + first.path("id").asText()).body().toString())
        .contains("run.rolling_back", "run.failed", "github repository team-search/archiver");
    assertThat(step(first, "secrets").path("status").asText()).isEqualTo("COMPENSATED");
    assertThat(GITHUB.hasRepository("team-search/archiver")).isTrue();
    String firstRun = first.path("id").asText();

    GITHUB.clearFailures();
    for (StandIn standIn : List.of(GITHUB, VAULT, GRAFANA)) {
      standIn.forgetCalls();
    }
    Answer rerun = post("/api/v1/runs/" + firstRun + "/rerun", Map.of(), Map.of());
    assertThat(rerun.status()).as(rerun.body().toString()).isEqualTo(202);
    JsonNode second = rollBackPausedRun(rerun.body().path("id").asText());

    // the rerun adopted the repository (it is the service's) and, rolling back, left it alone:
    // the failed run made it, so the rerun reported nothing made and skipped its undo
    assertThat(second.path("status").asText()).as(second.toString()).isEqualTo("ROLLED_BACK");
    assertThat(second.path("failedStep").asText()).isEqualTo("dashboard");
    assertThat(step(second, "publish").path("undo").path("status").asText())
        .isEqualTo("NOTHING_TO_UNDO");
    assertThat(GITHUB.lines()).noneMatch(line -> line.startsWith("DELETE "));
    assertThat(GITHUB.hasRepository("team-search/archiver")).isTrue();
    assertThat(GITHUB.commitMessages("team-search/archiver", "main"))
        .containsExactly("initial commit");
    assertThat(
            GithubMarker.fromFile(
                GITHUB.files("team-search/archiver", "main").get(GithubMarker.FILE)))
        .contains(new GithubMarker("team-search/archiver", firstRun));
    // what the rerun made in Vault is its own, and is gone
    String path = "secret/team-search/archiver/development";
    assertThat(VAULT.calls("POST", "/v1/secret/data/team-search/archiver/development")).hasSize(1);
    assertThat(VAULT.customMetadata(path)).isEmpty();
    assertThat(VAULT.policyText(step(second, "secrets").path("output").path("policy").asText()))
        .isEmpty();
  }

  @Test
  void aGrafanaDownForGoodHoldsNoOtherUndoBack() throws Exception {
    GRAFANA.failWhen("GET", "/api/.*", 503, "{\"message\":\"Service Unavailable\"}");
    GRAFANA.failWhen("POST", "/api/.*", 503, "{\"message\":\"Service Unavailable\"}");

    JsonNode run =
        rollBackPausedRun(
            startRun("java-service", Map.of("name", "ticketing", "owner", "team-payments"))
                .path("id")
                .asText());

    assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("ROLLED_BACK");
    JsonNode dashboard = step(run, "dashboard");
    assertThat(dashboard.path("status").asText()).isEqualTo("FAILED");
    assertThat(dashboard.path("attempts").asInt()).isEqualTo(8);
    // it never reached its making call: nothing to undo, and Grafana was not asked to
    assertThat(dashboard.path("undo").path("status").asText()).isEqualTo("NOTHING_TO_UNDO");
    assertThat(GRAFANA.calls("POST", "/api/dashboards/db")).isEmpty();
    assertThat(GRAFANA.lines()).noneMatch(l -> l.startsWith("DELETE "));
    assertThat(step(run, "publish").path("undo").path("status").asText()).isEqualTo("UNDONE");
    assertThat(step(run, "secrets").path("undo").path("status").asText()).isEqualTo("UNDONE");
    assertThat(GITHUB.hasRepository("team-payments/ticketing")).isFalse();
    assertThat(VAULT.customMetadata("secret/team-payments/ticketing/development")).isEmpty();
  }

  @Test
  void aVaultDownAfterTheSecretWasMadeIsUndoneWhenItIsBack() throws Exception {
    GRAFANA.failWhen("POST", "/api/dashboards/db", 403, "{\"message\":\"Access denied\"}");
    String id =
        startRun("java-service", Map.of("name", "refunds", "owner", "team-payments"))
            .path("id")
            .asText();
    assertThat(awaitEnd(id).path("status").asText()).isEqualTo("NEEDS_ATTENTION");
    String path = "secret/team-payments/refunds/development";
    assertThat(VAULT.customMetadata(path)).isPresent();
    VAULT.failWhen("DELETE", "/v1/.*", 503, "{\"errors\":[\"Vault is sealed\"]}");
    VAULT.failWhen("GET", "/v1/.*", 503, "{\"errors\":[\"Vault is sealed\"]}");

    Answer rollback = post("/api/v1/runs/" + id + "/rollback", Map.of(), Map.of());
    assertThat(rollback.status()).as(rollback.body().toString()).isEqualTo(202);
    JsonNode rolling =
        awaitAnswer("/api/v1/runs/" + id, r -> r.path("status").asText().equals("ROLLING_BACK"));

    // the repository is gone; what is left is named, where, and why
    assertThat(GITHUB.hasRepository("team-payments/refunds")).isFalse();
    assertThat(step(rolling, "publish").path("undo").path("status").asText()).isEqualTo("UNDONE");
    JsonNode secrets = step(rolling, "secrets").path("undo");
    assertThat(secrets.path("status").asText()).isIn("RETRYING", "UNDOING");
    assertThat(secrets.path("effects").toString()).contains("vault secret " + path);
    assertThat(secrets.path("error").asText()).contains("503");
    // the audit entry goes with the run's record, written beside the run: a moment after the
    // status the progress query shows
    assertThat(
            awaitAnswer(
                    "/api/v1/audit?subject=run:" + id,
                    audit -> audit.toString().contains("run.rolling_back"))
                .toString())
        .contains("run.rolling_back", "vault secret " + path);

    VAULT.clearFailures(); // Vault is back: the later tries finish the rollback by themselves
    JsonNode run =
        awaitAnswer("/api/v1/runs/" + id, r -> !r.path("status").asText().equals("ROLLING_BACK"));
    assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("ROLLED_BACK");
    assertThat(step(run, "secrets").path("undo").path("status").asText()).isEqualTo("UNDONE");
    assertThat(VAULT.customMetadata(path)).isEmpty();
  }

  @Test
  void aGithubDownForGoodLeavesOnlyTheRepositoryAndItIsUndoneWhenGithubIsBack() throws Exception {
    GRAFANA.failWhen("POST", "/api/dashboards/db", 403, "{\"message\":\"Access denied\"}");
    String id =
        startRun("java-service", Map.of("name", "invoices", "owner", "team-payments"))
            .path("id")
            .asText();
    assertThat(awaitEnd(id).path("status").asText()).isEqualTo("NEEDS_ATTENTION");
    assertThat(GITHUB.hasRepository("team-payments/invoices")).isTrue();
    String path = "secret/team-payments/invoices/development";
    assertThat(VAULT.customMetadata(path)).isPresent();
    GITHUB.failWhen("DELETE", "/.*", 503, "{\"message\":\"Service Unavailable\"}");
    GITHUB.failWhen("GET", "/.*", 503, "{\"message\":\"Service Unavailable\"}");

    Answer rollback = post("/api/v1/runs/" + id + "/rollback", Map.of(), Map.of());
    assertThat(rollback.status()).as(rollback.body().toString()).isEqualTo(202);
    JsonNode rolling =
        awaitAnswer("/api/v1/runs/" + id, r -> r.path("status").asText().equals("ROLLING_BACK"));

    // Vault's entries are gone although the repository's undo, which runs after them, cannot
    assertThat(step(rolling, "secrets").path("undo").path("status").asText()).isEqualTo("UNDONE");
    assertThat(VAULT.customMetadata(path)).isEmpty();
    JsonNode publish = step(rolling, "publish").path("undo");
    assertThat(publish.path("status").asText()).isIn("RETRYING", "UNDOING");
    assertThat(publish.path("effects").toString()).contains("team-payments/invoices");
    assertThat(GITHUB.hasRepository("team-payments/invoices")).isTrue();

    GITHUB.clearFailures(); // GitHub is back: the later tries finish the rollback by themselves
    JsonNode run =
        awaitAnswer("/api/v1/runs/" + id, r -> !r.path("status").asText().equals("ROLLING_BACK"));
    assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("ROLLED_BACK");
    assertThat(step(run, "publish").path("undo").path("status").asText()).isEqualTo("UNDONE");
    assertThat(GITHUB.hasRepository("team-payments/invoices")).isFalse();
  }

  private static JsonNode step(JsonNode run, String id) {
    for (JsonNode step : run.path("steps")) {
      if (step.path("id").asText().equals(id)) {
        return step;
      }
    }
    throw new AssertionError("no step " + id + " in " + run);
  }

  /** Every payload's data in a history, decoded from base64 and joined. */
  private static String decodedPayloads(JsonNode node) {
    StringBuilder text = new StringBuilder();
    if (node.isObject() && node.has("metadata") && node.path("data").isTextual()) {
      text.append(
              new String(
                  Base64.getDecoder().decode(node.path("data").asText()), StandardCharsets.UTF_8))
          .append('\n');
    }
    for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
      text.append(decodedPayloads(children.next()));
    }
    return text.toString();
  }
}
