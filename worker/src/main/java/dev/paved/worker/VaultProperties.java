package dev.paved.worker;

import dev.paved.activities.secrets.VaultSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paved.vault.*}: Vault for {@code paved:vault:secrets}. Unset address: the local,
 * development-only secret store.
 *
 * @param addr Vault's address ({@code PAVED_VAULT_ADDR})
 * @param token Paved's token ({@code PAVED_VAULT_TOKEN}); or AppRole:
 * @param roleId the AppRole role id ({@code PAVED_VAULT_ROLE_ID})
 * @param secretId the AppRole secret id ({@code PAVED_VAULT_SECRET_ID})
 * @param kvMount the KV v2 mount a step uses when it names none ({@code PAVED_VAULT_KV_MOUNT})
 * @param namespace the Vault Enterprise namespace ({@code PAVED_VAULT_NAMESPACE})
 * @param approlePath the AppRole auth method's path ({@code PAVED_VAULT_APPROLE_PATH})
 * @param kubernetesAuthPath the Kubernetes auth method's path for the roles steps ask for ({@code
 *     PAVED_VAULT_KUBERNETES_AUTH_PATH})
 */
@ConfigurationProperties("paved.vault")
public record VaultProperties(
    String addr,
    String token,
    String roleId,
    String secretId,
    @DefaultValue("secret") String kvMount,
    String namespace,
    @DefaultValue("approle") String approlePath,
    @DefaultValue("kubernetes") String kubernetesAuthPath) {

  /** Whether Vault is configured; otherwise the local store stays. */
  public boolean configured() {
    return addr != null && !addr.isBlank();
  }

  VaultSettings settings() {
    return new VaultSettings(
        addr, token, roleId, secretId, approlePath, namespace, kvMount, kubernetesAuthPath);
  }

  /** Names the settings without their credentials. */
  @Override
  public String toString() {
    return "VaultProperties[addr="
        + addr
        + ", token="
        + (token == null || token.isBlank() ? "unset" : "set")
        + ", roleId="
        + roleId
        + ", secretId="
        + (secretId == null || secretId.isBlank() ? "unset" : "set")
        + ", kvMount="
        + kvMount
        + ", namespace="
        + namespace
        + "]";
  }
}
