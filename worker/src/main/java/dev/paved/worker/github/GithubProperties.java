package dev.paved.worker.github;

import dev.paved.activities.github.AppKeys;
import dev.paved.activities.github.GithubConnection;
import java.time.Clock;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paved.github.*}: the GitHub (or GitHub Enterprise) Paved publishes to. Setting a token, or
 * the three App keys, switches {@code publish:github} and {@code publish:github:pull-request} from
 * the local git host to GitHub.
 *
 * @param apiUrl {@code PAVED_GITHUB_API_URL}; GitHub Enterprise Server's is {@code
 *     https://<host>/api/v3}
 * @param token {@code PAVED_GITHUB_TOKEN}: a token with repo and workflow rights (and delete_repo,
 *     for undo)
 * @param appId {@code PAVED_GITHUB_APP_ID}: authenticate as a GitHub App instead
 * @param appPrivateKey {@code PAVED_GITHUB_APP_PRIVATE_KEY}: the App's PEM key, or a file path
 * @param installationId {@code PAVED_GITHUB_INSTALLATION_ID}: the App's installation to act as
 */
@ConfigurationProperties("paved.github")
public record GithubProperties(
    @DefaultValue("https://api.github.com") String apiUrl,
    String token,
    String appId,
    String appPrivateKey,
    Long installationId) {

  /** Whether any credential is set, so GitHub is meant to be used. */
  public boolean configured() {
    return isSet(token) || isSet(appId) || isSet(appPrivateKey) || installationId != null;
  }

  /**
   * The connection the credentials describe. IllegalStateException, naming the environment keys,
   * when they are incomplete or both kinds are set.
   */
  public GithubConnection connect(Clock clock) {
    boolean app = isSet(appId) || isSet(appPrivateKey) || installationId != null;
    if (isSet(token) && app) {
      throw new IllegalStateException(
          "set either PAVED_GITHUB_TOKEN or the GitHub App (PAVED_GITHUB_APP_ID,"
              + " PAVED_GITHUB_APP_PRIVATE_KEY, PAVED_GITHUB_INSTALLATION_ID), not both");
    }
    if (isSet(token)) {
      return GithubConnection.withToken(apiUrl, token, clock);
    }
    if (!isSet(appId) || !isSet(appPrivateKey) || installationId == null) {
      throw new IllegalStateException(
          "a GitHub App needs PAVED_GITHUB_APP_ID, PAVED_GITHUB_APP_PRIVATE_KEY and"
              + " PAVED_GITHUB_INSTALLATION_ID together");
    }
    return GithubConnection.asAppInstallation(
        apiUrl, appId, AppKeys.read(appPrivateKey), installationId, clock);
  }

  private static boolean isSet(String value) {
    return value != null && !value.isBlank();
  }

  /** Never the token or the key. */
  @Override
  public String toString() {
    return "GithubProperties[apiUrl=%s, token=%s, appId=%s, appPrivateKey=%s, installationId=%s]"
        .formatted(
            apiUrl,
            isSet(token) ? "(set)" : "(unset)",
            appId,
            isSet(appPrivateKey) ? "(set)" : "(unset)",
            installationId);
  }
}
