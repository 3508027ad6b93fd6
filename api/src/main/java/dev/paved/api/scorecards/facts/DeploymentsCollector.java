package dev.paved.api.scorecards.facts;

import dev.paved.activities.git.LocalGitRepositories;
import dev.paved.activities.github.GithubConnection;
import dev.paved.api.scorecards.Fact;
import dev.paved.api.scorecards.FactCollector;
import dev.paved.api.scorecards.FactDefinition;
import dev.paved.api.scorecards.FactType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code last_deployed_at}: the newest of the last commit touching the service's folder in the
 * GitOps repository ({@code paved.dev/gitops-path}, else {@code apps/<name>} as the shipped golden
 * paths write it, else {@code <owner>/<name>}) and, when Argo CD is configured, the newest {@code
 * status.history[].deployedAt} of its application ({@code argocd/app-name}, else the entity's
 * name).
 */
@Component
class DeploymentsCollector implements FactCollector {

  static final String FACT = "last_deployed_at";
  static final String GITOPS_PATH = "paved.dev/gitops-path";
  static final String ARGOCD_APP = "argocd/app-name";

  private final GitopsHistory gitops;
  private final ArgoCd argoCd; // null when not configured
  private final Clock clock;

  DeploymentsCollector(
      @Value("${paved.scorecards.gitops-repo:}") String scorecardsGitopsRepo,
      @Value("${paved.gitops-repo:}") String pullRequestGitopsRepo,
      @Value("${paved.scorecards.argocd.url:}") String argoUrl,
      @Value("${paved.scorecards.argocd.token:}") String argoToken,
      LocalGitRepositories git,
      ObjectProvider<GithubConnection> github,
      Clock clock) {
    String gitopsRepo =
        scorecardsGitopsRepo.isBlank() ? pullRequestGitopsRepo : scorecardsGitopsRepo;
    String[] parts =
        gitopsRepo.isBlank()
            ? new String[] {"platform", "gitops"}
            : gitopsRepo.strip().split("/", -1);
    if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
      throw new IllegalStateException(
          "paved.scorecards.gitops-repo must name a repository as owner/name, got: " + gitopsRepo);
    }
    this.gitops = new GitopsHistory(parts[0], parts[1], git, github.getIfAvailable());
    this.argoCd =
        argoUrl.isBlank() || argoToken.isBlank() ? null : new ArgoCd(argoUrl, argoToken.strip());
    this.clock = clock;
  }

  @Override
  public String id() {
    return "deployments";
  }

  @Override
  public List<FactDefinition> facts() {
    return List.of(
        new FactDefinition(
            FACT,
            FactType.TIMESTAMP,
            "When the service was last deployed: its GitOps folder's newest commit, or Argo CD"));
  }

  @Override
  public List<Fact> collect(String entityRef, Map<String, Object> entity) {
    Instant now = clock.instant();
    List<String> why = new ArrayList<>();
    Instant newest = null;
    String source = null;
    String detail = null;
    Optional<GitopsHistory.Change> change = gitopsChange(entity, why);
    if (change.isPresent() && change.get().at() != null) {
      newest = change.get().at();
      source = change.get().source();
      detail = "GitOps commit " + change.get().commit().substring(0, 12);
    }
    if (argoCd == null) {
      why.add("Argo CD not configured");
    } else {
      String app = EntityFields.annotation(entity, ARGOCD_APP).orElse(EntityFields.name(entity));
      ArgoCd.Deployed deployed = argoCd.lastDeployed(app);
      if (deployed.deployedAt() == null) {
        why.add(deployed.why());
      } else if (newest == null || deployed.deployedAt().isAfter(newest)) {
        newest = deployed.deployedAt();
        source = "argocd:/api/v1/applications/" + app;
        detail = "Argo CD history of " + app;
      }
    }
    if (newest == null) {
      return List.of(Fact.unknown(FACT, String.join("; ", why), now));
    }
    return List.of(Fact.known(FACT, newest, source, detail, now));
  }

  private Optional<GitopsHistory.Change> gitopsChange(
      Map<String, Object> entity, List<String> why) {
    List<String> folders = new ArrayList<>();
    Optional<String> annotated = EntityFields.annotation(entity, GITOPS_PATH);
    if (annotated.isPresent()) {
      folders.add(annotated.get().replaceAll("^/+|/+$", ""));
    } else {
      String name = EntityFields.name(entity);
      folders.add("apps/" + name);
      ownerName(entity).ifPresent(owner -> folders.add(owner + "/" + name));
    }
    for (String folder : folders) {
      if (folder.isEmpty() || List.of(folder.split("/")).contains("..")) {
        why.add(GITOPS_PATH + " names no folder: " + folder);
        return Optional.empty();
      }
      Optional<GitopsHistory.Change> change = gitops.newest(folder);
      if (change.isEmpty()) {
        why.add("no GitOps repository " + gitops.repository());
        return Optional.empty();
      }
      if (change.get().at() != null) {
        return change;
      }
    }
    why.add("no commit touches " + String.join(" or ", folders) + " in " + gitops.repository());
    return Optional.empty();
  }

  /** The owning group's name: {@code group:default/payments} and {@code payments} give payments. */
  private static Optional<String> ownerName(Map<String, Object> entity) {
    if (!(EntityFields.spec(entity).get("owner") instanceof String owner) || owner.isBlank()) {
      return Optional.empty();
    }
    String name = owner.substring(owner.indexOf(':') + 1);
    return Optional.of(name.substring(name.indexOf('/') + 1));
  }
}
