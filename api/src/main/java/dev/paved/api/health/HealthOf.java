package dev.paved.api.health;

import dev.paved.activities.support.ServiceHealth;
import org.springframework.boot.health.contributor.Health;

/** A system's {@link ServiceHealth} as actuator's health. */
final class HealthOf {

  private HealthOf() {}

  static Health service(ServiceHealth health) {
    return (health.up() ? Health.up() : Health.down()).withDetails(health.details()).build();
  }
}
