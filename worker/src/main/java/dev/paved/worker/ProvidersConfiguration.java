package dev.paved.worker;

import dev.paved.activities.dashboard.DashboardProvider;
import dev.paved.activities.dashboard.LocalDashboardProvider;
import dev.paved.activities.git.LocalGitRepositories;
import dev.paved.activities.github.GithubConnection;
import dev.paved.activities.pullrequest.GithubPullRequestHost;
import dev.paved.activities.pullrequest.LocalPullRequestHost;
import dev.paved.activities.pullrequest.LocalPullRequests;
import dev.paved.activities.pullrequest.PullRequestHost;
import dev.paved.activities.render.TemplateRenderer;
import dev.paved.activities.repository.GithubRepositoryHost;
import dev.paved.activities.repository.LocalRepositoryHost;
import dev.paved.activities.repository.RepositoryHost;
import dev.paved.activities.secrets.LocalSecretStore;
import dev.paved.activities.secrets.SecretStore;
import dev.paved.activities.support.RepoUrl;
import dev.paved.activities.support.Workspaces;
import dev.paved.terraform.CdktfSynth;
import dev.paved.terraform.InfrastructureSynth;
import dev.paved.worker.workspaces.WorkspaceProperties;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The systems behind the actions. Local mode's providers for now (bare git repositories, files in
 * the GitOps change, an encrypted development-only secret store); the real GitHub, Vault and
 * Grafana providers will be chosen here by configuration, behind the same interfaces.
 */
@Configuration(proxyBeanMethods = false)
@Import({VaultConfiguration.class, GrafanaConfiguration.class})
@EnableConfigurationProperties({RenderProperties.class, WorkspaceProperties.class})
public class ProvidersConfiguration {

  /** Local mode's stand-in for the organisation's GitOps repository. */
  static final String LOCAL_GITOPS_REPOSITORY = "github.com?owner=platform&repo=gitops";

  @Bean
  Workspaces workspaces(PavedProperties paved) {
    return new Workspaces(paved.dataDir().resolve("workspaces"));
  }

  @Bean
  TemplateRenderer templateRenderer(RenderProperties render) {
    return new TemplateRenderer(render.limits());
  }

  @Bean
  LocalGitRepositories localGitRepositories(PavedProperties paved) {
    return new LocalGitRepositories(paved.dataDir().resolve("git"));
  }

  @Bean
  RepositoryHost repositoryHost(
      LocalGitRepositories git, RepoUrl gitopsRepository, ObjectProvider<GithubConnection> github) {
    GithubConnection connection = github.getIfAvailable();
    return connection != null
        ? new GithubRepositoryHost(connection, List.of(gitopsRepository))
        : new LocalRepositoryHost(git, List.of(gitopsRepository));
  }

  @Bean
  LocalPullRequests localPullRequests(PavedProperties paved) {
    // beside the repositories, not among them: an owner named "pulls" must not meet the records
    return new LocalPullRequests(paved.dataDir().resolve("pull-requests"));
  }

  /** {@code PAVED_GITOPS_REPO} ({@code owner/name}); locally platform/gitops when unset. */
  @Bean
  RepoUrl gitopsRepository(@Value("${paved.gitops-repo:}") String gitopsRepo) {
    if (gitopsRepo.isBlank()) {
      return RepoUrl.parse(LOCAL_GITOPS_REPOSITORY);
    }
    String[] parts = gitopsRepo.strip().split("/", -1);
    try {
      if (parts.length == 2) {
        return RepoUrl.parse("github.com?owner=" + parts[0] + "&repo=" + parts[1]);
      }
    } catch (ApplicationFailure notAName) {
      // reported below, at start-up
    }
    throw new IllegalStateException(
        "PAVED_GITOPS_REPO must name a repository as owner/name, got: " + gitopsRepo);
  }

  @Bean
  PullRequestHost pullRequestHost(
      LocalGitRepositories git,
      LocalPullRequests pulls,
      RepoUrl gitopsRepository,
      PavedProperties paved,
      ObjectProvider<GithubConnection> github) {
    GithubConnection connection = github.getIfAvailable();
    return connection != null
        ? new GithubPullRequestHost(connection, gitopsRepository, paved.publicUrl())
        : new LocalPullRequestHost(git, pulls, gitopsRepository, paved.publicUrl());
  }

  @Bean
  DashboardProvider dashboardProvider(Workspaces workspaces, GrafanaProperties grafana) {
    return grafana.configured()
        ? GrafanaConfiguration.dashboardProvider(grafana)
        : new LocalDashboardProvider(workspaces);
  }

  @Bean
  SecretStore secretStore(PavedProperties paved, VaultProperties vault) {
    return vault.configured()
        ? VaultConfiguration.secretStore(vault)
        : new LocalSecretStore(paved.dataDir().resolve("secrets"));
  }

  @Bean
  InfrastructureSynth infrastructureSynth() {
    return new CdktfSynth();
  }
}
