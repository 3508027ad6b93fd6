package dev.paved.activities.dashboard;

/**
 * How Paved reaches Grafana: its address (with a sub path if Grafana is served under one) and a
 * service account token with the Editor role, or dashboards and folders write permissions.
 */
public record GrafanaSettings(String url, String token) {

  public GrafanaSettings {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("Grafana's address is not set");
    }
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("Grafana at " + url + " needs a service account token");
    }
    url = url.strip().replaceAll("/+$", "");
    token = token.strip();
  }

  /** Names the settings without the token. */
  @Override
  public String toString() {
    return "GrafanaSettings[url=" + url + "]";
  }
}
