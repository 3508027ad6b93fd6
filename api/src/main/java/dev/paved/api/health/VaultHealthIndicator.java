package dev.paved.api.health;

import dev.paved.activities.secrets.SecretStore;
import dev.paved.activities.secrets.VaultSecretStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health}'s "vault", when Vault is configured: up when {@code sys/health} says it
 * is initialised and unsealed, down when it is sealed or does not answer.
 */
@Component("vault")
@ConditionalOnExpression("!'${paved.vault.addr:}'.isBlank()")
class VaultHealthIndicator implements HealthIndicator {

  private final SecretStore store;

  VaultHealthIndicator(SecretStore store) {
    this.store = store;
  }

  @Override
  public Health health() {
    if (!(store instanceof VaultSecretStore vault)) {
      return Health.unknown().build();
    }
    return HealthOf.service(vault.health());
  }
}
