package dev.paved.worker;

import dev.paved.activities.dashboard.DashboardProvider;
import dev.paved.activities.dashboard.GrafanaDashboardProvider;
import dev.paved.activities.dashboard.GrafanaSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code paved.grafana.*} and makes the Grafana provider when a URL is set. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GrafanaProperties.class)
public class GrafanaConfiguration {

  private static final Logger log = LoggerFactory.getLogger(GrafanaConfiguration.class);

  /** The Grafana provider; fails at start when the URL is set without a token. */
  static DashboardProvider dashboardProvider(GrafanaProperties grafana) {
    GrafanaSettings settings;
    try {
      settings = grafana.settings();
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(e.getMessage() + ": set PAVED_GRAFANA_TOKEN");
    }
    log.info("Dashboards go to Grafana: {}", settings);
    return new GrafanaDashboardProvider(settings);
  }
}
