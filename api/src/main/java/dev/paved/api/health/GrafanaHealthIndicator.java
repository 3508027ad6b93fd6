package dev.paved.api.health;

import dev.paved.activities.dashboard.DashboardProvider;
import dev.paved.activities.dashboard.GrafanaDashboardProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** {@code /actuator/health}'s "grafana", when Grafana is configured: whether api/health answers. */
@Component("grafana")
@ConditionalOnExpression("!'${paved.grafana.url:}'.isBlank()")
class GrafanaHealthIndicator implements HealthIndicator {

  private final DashboardProvider provider;

  GrafanaHealthIndicator(DashboardProvider provider) {
    this.provider = provider;
  }

  @Override
  public Health health() {
    if (!(provider instanceof GrafanaDashboardProvider grafana)) {
      return Health.unknown().build();
    }
    return HealthOf.service(grafana.health());
  }
}
