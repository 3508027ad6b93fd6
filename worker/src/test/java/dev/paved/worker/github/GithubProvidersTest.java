package dev.paved.worker.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.activities.github.GithubConnection;
import dev.paved.activities.pullrequest.GithubPullRequestHost;
import dev.paved.activities.pullrequest.LocalPullRequestHost;
import dev.paved.activities.pullrequest.PullRequestHost;
import dev.paved.activities.repository.GithubRepositoryHost;
import dev.paved.activities.repository.LocalRepositoryHost;
import dev.paved.activities.repository.RepositoryHost;
import dev.paved.activities.support.RepoUrl;
import dev.paved.worker.ProviderContexts;
import dev.paved.worker.ProvidersConfiguration;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The environment keys that switch the repository and pull-request hosts to GitHub. */
class GithubProvidersTest {

  @TempDir Path data;

  /** A context of the providers with these environment variables, as the process would see them. */
  ApplicationContextRunner withEnvironment(Map<String, Object> variables) {
    return ProviderContexts.withEnvironment(
        data, variables, ProvidersConfiguration.class, GithubConfiguration.class);
  }

  @Test
  void withoutCredentialsTheHostsStayLocal() {
    withEnvironment(Map.of())
        .run(
            context -> {
              assertThat(context).hasNotFailed().doesNotHaveBean(GithubConnection.class);
              assertThat(context.getBean(RepositoryHost.class))
                  .isInstanceOf(LocalRepositoryHost.class);
              assertThat(context.getBean(PullRequestHost.class))
                  .isInstanceOf(LocalPullRequestHost.class);
              assertThat(context.getBean(RepoUrl.class))
                  .isEqualTo(new RepoUrl("github.com", "platform", "gitops"));
            });
  }

  @Test
  void aTokenSwitchesBothHostsToGithub() {
    withEnvironment(
            Map.of(
                "PAVED_GITHUB_API_URL", "https://ghe.example.com/api/v3",
                "PAVED_GITHUB_TOKEN", "ghp_example",
                "PAVED_GITOPS_REPO", "acme/gitops"))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              GithubConnection github = context.getBean(GithubConnection.class);
              assertThat(github.apiUrl()).isEqualTo("https://ghe.example.com/api/v3");
              assertThat(github.webUrl()).isEqualTo("https://ghe.example.com");
              assertThat(github.authentication()).isEqualTo("token");
              assertThat(context.getBean(RepositoryHost.class))
                  .isInstanceOf(GithubRepositoryHost.class);
              assertThat(context.getBean(PullRequestHost.class))
                  .isInstanceOf(GithubPullRequestHost.class);
              assertThat(context.getBean(RepoUrl.class))
                  .isEqualTo(new RepoUrl("github.com", "acme", "gitops"));
              assertThat(context.getBean(GithubProperties.class).toString())
                  .doesNotContain("ghp_example");
            });
  }

  @Test
  void theThreeAppKeysSwitchToGithubAsAnAppInstallation() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder()
                .encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    withEnvironment(
            Map.of(
                "PAVED_GITHUB_APP_ID", "12345",
                "PAVED_GITHUB_APP_PRIVATE_KEY", pem,
                "PAVED_GITHUB_INSTALLATION_ID", "42"))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              GithubConnection github = context.getBean(GithubConnection.class);
              assertThat(github.apiUrl()).isEqualTo("https://api.github.com");
              assertThat(github.authentication()).isEqualTo("app 12345, installation 42");
              assertThat(context.getBean(RepositoryHost.class))
                  .isInstanceOf(GithubRepositoryHost.class);
            });
  }

  @Test
  void incompleteOrDoubleCredentialsStopTheStartWithTheKeysToSet() {
    withEnvironment(Map.of("PAVED_GITHUB_APP_ID", "12345"))
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("PAVED_GITHUB_APP_PRIVATE_KEY"));
    withEnvironment(Map.of("PAVED_GITHUB_TOKEN", "t", "PAVED_GITHUB_INSTALLATION_ID", "42"))
        .run(
            context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("not both"));
  }

  @Test
  void aGitopsRepositoryThatIsNoOwnerAndNameStopsTheStart() {
    withEnvironment(Map.of("PAVED_GITOPS_REPO", "https://github.com/acme/gitops"))
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessage(
                        "PAVED_GITOPS_REPO must name a repository as owner/name, got:"
                            + " https://github.com/acme/gitops"));
  }
}
