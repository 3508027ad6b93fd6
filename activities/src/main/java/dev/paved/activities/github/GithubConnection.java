package dev.paved.activities.github;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import org.kohsuke.github.GHRateLimit;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.GitHubRateLimitHandler;
import org.kohsuke.github.authorization.AppInstallationAuthorizationProvider;
import org.kohsuke.github.authorization.AuthorizationProvider;
import org.kohsuke.github.extras.HttpClientGitHubConnector;

/**
 * Paved's one GitHub (or GitHub Enterprise) through hub4j: its API address, the credentials, and
 * the address of its web pages. hub4j never waits on a rate limit here: it fails at once and the
 * step's failure carries the wait GitHub asks for (see {@link GithubFailures}).
 */
public final class GithubConnection {

  /** What answered a health check. */
  public record Check(String apiUrl, String authentication, int remainingRequests) {}

  private final GitHub github;
  private final String apiUrl;
  private final String webUrl;
  private final String authentication;
  private final Clock clock;

  private GithubConnection(
      String apiUrl, AuthorizationProvider credentials, String authentication, Clock clock) {
    this.apiUrl = stripSlash(apiUrl);
    this.webUrl = webUrlOf(this.apiUrl);
    this.authentication = authentication;
    this.clock = clock;
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            // hub4j follows redirects itself, dropping the Authorization header when it does
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    try {
      this.github =
          new GitHubBuilder()
              .withEndpoint(this.apiUrl)
              .withAuthorizationProvider(credentials)
              .withConnector(new HttpClientGitHubConnector(http))
              .withRateLimitHandler(GitHubRateLimitHandler.FAIL)
              .withAbuseLimitHandler(GitHubAbuseLimitHandler.FAIL)
              .build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot set up the GitHub client for " + apiUrl, e);
    }
  }

  /** With a personal access token (or any token GitHub takes as {@code token <value>}). */
  public static GithubConnection withToken(String apiUrl, String token, Clock clock) {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("the GitHub token is empty");
    }
    String header = "token " + token.strip();
    return new GithubConnection(apiUrl, () -> header, "token", clock);
  }

  /**
   * As a GitHub App installation: a JWT signed with the app's key buys an installation token, which
   * hub4j renews five minutes before it expires.
   */
  public static GithubConnection asAppInstallation(
      String apiUrl, String appId, PrivateKey appKey, long installationId, Clock clock) {
    AppJwt jwt = new AppJwt(appId, appKey, clock);
    AuthorizationProvider installation =
        new AppInstallationAuthorizationProvider(
            app -> app.getInstallationById(installationId), jwt);
    return new GithubConnection(
        apiUrl, installation, "app " + appId + ", installation " + installationId, clock);
  }

  /** The hub4j client; every call may throw an IOException that {@link GithubFailures} maps. */
  public GitHub api() {
    return github;
  }

  /** For example {@code https://api.github.com} or {@code https://ghe.example.com/api/v3}. */
  public String apiUrl() {
    return apiUrl;
  }

  /**
   * Where GitHub's web pages are ({@code https://github.com}, {@code https://ghe.example.com}): the
   * prefix of the {@code repoContentsUrl}s this host reads.
   */
  public String webUrl() {
    return webUrl;
  }

  /** "token" or "app <id>, installation <id>"; never the secret itself. */
  public String authentication() {
    return authentication;
  }

  public Clock clock() {
    return clock;
  }

  /** {@code GET /rate_limit}: whether GitHub answers and takes the credentials. */
  public Check check() throws IOException {
    GHRateLimit limit = github.getRateLimit();
    return new Check(apiUrl, authentication, limit.getCore().getRemaining());
  }

  static String webUrlOf(String apiUrl) {
    URI api = URI.create(apiUrl);
    String host = api.getHost() == null ? "" : api.getHost();
    if (host.startsWith("api.")) {
      return api.getScheme()
          + "://"
          + host.substring(4)
          + (api.getPort() < 0 ? "" : ":" + api.getPort());
    }
    // GitHub Enterprise Server serves its API under /api/v3 of the web host
    return apiUrl.endsWith("/api/v3") ? apiUrl.substring(0, apiUrl.length() - 7) : apiUrl;
  }

  private static String stripSlash(String url) {
    String trimmed = url.strip();
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed;
  }
}
