package dev.paved.activities.secrets;

import java.util.Optional;

/**
 * Where a service's secrets, their read policy and the Kubernetes auth role that grants it live:
 * {@link VaultSecretStore} in production, {@link LocalSecretStore} on a laptop. Paths and policy
 * names are already validated by the caller ({@link SecretPaths}); an implementation refuses
 * anything else.
 */
public interface SecretStore {

  /** What is at the KV v2 path (owner marker and key names, never values), or empty. */
  Optional<SecretMetadata> readMetadata(String path);

  /**
   * Adds {@code values} to the secret at {@code path}, creating it marked with {@code serviceKey}
   * and {@code runId} if absent; keys already there keep their values and an existing secret keeps
   * its marks (KV v2 patch semantics).
   */
  void write(String path, String serviceKey, String runId, SecretValues values);

  /** Deletes the secret at {@code path} with all its versions; nothing when absent. */
  void delete(String path);

  /** The ACL policy's HCL text, or empty. */
  Optional<String> readPolicy(String name);

  /** Creates or replaces the ACL policy. */
  void writePolicy(String name, String hcl);

  /** Deletes the ACL policy; nothing when absent. */
  void deletePolicy(String name);

  /** The Kubernetes auth role, or empty. */
  Optional<KubernetesRole> readKubernetesRole(String name);

  /** Creates or replaces the Kubernetes auth role. */
  void writeKubernetesRole(KubernetesRole role);

  /** Deletes the Kubernetes auth role; nothing when absent. */
  void deleteKubernetesRole(String name);

  /** The KV v2 mount a step uses when it names none. */
  default String defaultMount() {
    return "secret";
  }
}
