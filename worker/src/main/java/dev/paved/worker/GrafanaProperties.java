package dev.paved.worker;

import dev.paved.activities.dashboard.GrafanaSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code paved.grafana.*}: Grafana for {@code paved:grafana:dashboard}. Unset URL: dashboards are
 * JSON files in the GitOps change.
 *
 * @param url Grafana's address ({@code PAVED_GRAFANA_URL})
 * @param token a service account token ({@code PAVED_GRAFANA_TOKEN})
 */
@ConfigurationProperties("paved.grafana")
public record GrafanaProperties(String url, String token) {

  /** Whether Grafana is configured; otherwise dashboards stay files in the GitOps change. */
  public boolean configured() {
    return url != null && !url.isBlank();
  }

  GrafanaSettings settings() {
    return new GrafanaSettings(url, token);
  }

  /** Names the settings without the token. */
  @Override
  public String toString() {
    return "GrafanaProperties[url="
        + url
        + ", token="
        + (token == null || token.isBlank() ? "unset" : "set")
        + "]";
  }
}
