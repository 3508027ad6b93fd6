package dev.paved.worker;

import dev.paved.activities.secrets.SecretStore;
import dev.paved.activities.secrets.VaultSecretStore;
import dev.paved.activities.secrets.VaultSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code paved.vault.*} and makes the Vault secret store when an address is set. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VaultProperties.class)
public class VaultConfiguration {

  private static final Logger log = LoggerFactory.getLogger(VaultConfiguration.class);

  /** The Vault store; fails at start when the address is set without usable credentials. */
  static SecretStore secretStore(VaultProperties vault) {
    VaultSettings settings;
    try {
      settings = vault.settings();
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          e.getMessage()
              + ": set PAVED_VAULT_TOKEN, or PAVED_VAULT_ROLE_ID and PAVED_VAULT_SECRET_ID");
    }
    log.info("Secrets go to Vault: {}", settings);
    return new VaultSecretStore(settings);
  }
}
