package dev.paved.activities.support;

import java.util.Map;

/**
 * Whether a system Paved calls (Vault, Grafana) answers, for the health endpoint.
 *
 * @param details what the system said, for operators: never a credential
 */
public record ServiceHealth(boolean up, Map<String, Object> details) {

  public ServiceHealth {
    details = Map.copyOf(details);
  }
}
