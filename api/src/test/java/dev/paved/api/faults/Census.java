package dev.paved.api.faults;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paved.activities.dashboard.ServiceDashboard;
import dev.paved.testfixtures.github.FakeGithub;
import dev.paved.testfixtures.grafana.FakeGrafana;
import dev.paved.testfixtures.vault.FakeVault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every store a java-service run writes to, listed for one service: GitHub (its repository, the
 * GitOps branch and pull request, the manifests and Terraform stack files on any GitOps branch),
 * Vault (secret paths, policies, Kubernetes roles), Grafana (the dashboard), and Paved's own
 * records (catalog entity, service claim) and the run's workspace on disk. The team's Grafana
 * folder is shared by the team's services and left in place by design (docs/reliability.md).
 */
record Census(
    FakeGithub github,
    FakeVault vault,
    FakeGrafana grafana,
    String gitopsRepo,
    PavedHttp paved,
    JdbcTemplate jdbc,
    Path dataDir) {

  /** What is left of {@code owner/name} (run {@code runId}) in any store; empty when nothing. */
  List<String> leftovers(String owner, String name, String runId) {
    String service = owner + "/" + name;
    List<String> left = new ArrayList<>();
    if (github.hasRepository(service)) {
      left.add("GitHub repository " + service);
    }
    for (String branch : github.branches(gitopsRepo)) {
      if (branch.equals("paved/" + name)) {
        left.add("GitOps branch " + branch);
      }
      for (String file : github.files(gitopsRepo, branch).keySet()) {
        if (file.startsWith("apps/" + name + "/") || file.startsWith("infra/" + name + "/")) {
          left.add("GitOps file " + file + " on " + branch);
        }
      }
    }
    for (JsonNode pull : github.pullRequests(gitopsRepo)) {
      if (pull.path("head").path("ref").asText().equals("paved/" + name)
          && pull.path("state").asText().equals("open")) {
        left.add("open pull request #" + pull.path("number").asInt());
      }
    }
    String prefix = "secret/" + service + "/";
    vault.paths().stream()
        .filter(p -> p.startsWith(prefix))
        .forEach(p -> left.add("Vault path " + p));
    String policyPrefix = owner + "-" + name + "-";
    vault.policies().keySet().stream()
        .filter(p -> p.startsWith(policyPrefix))
        .forEach(p -> left.add("Vault policy " + p));
    vault.roles().stream()
        .filter(r -> r.startsWith(policyPrefix))
        .forEach(r -> left.add("Vault role " + r));
    String uid = ServiceDashboard.uid(owner, name);
    if (grafana.dashboard(uid).isPresent()) {
      left.add("Grafana dashboard " + uid);
    }
    int entity = paved.get("/api/v1/catalog/entities/component/default/" + name).status();
    if (entity != 404) {
      left.add("catalog entity component:default/" + name + " (" + entity + ")");
    }
    Integer claims =
        jdbc.queryForObject(
            "select count(*) from service_claims where service_key = ?", Integer.class, service);
    if (claims != null && claims > 0) {
      left.add(claims + " service claim(s) for " + service);
    }
    if (Files.exists(dataDir.resolve("workspaces").resolve(runId))) {
      left.add("workspace of " + runId);
    }
    return left;
  }

  /** How many stores {@link #leftovers} lists for one service. */
  static final int STORES = 11;
}
