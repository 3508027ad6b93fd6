package dev.paved.activities.secrets;

import java.util.List;

/**
 * A role of Vault's Kubernetes auth method: the service's pods (its service account in its
 * namespace) log in with it and get the service's read policy. Vault keeps no metadata on roles:
 * the policy's marker says who made it (see {@link SecretActivitiesImpl}).
 *
 * @param name the role's name, the same as its policy's
 * @param ttlSeconds the lifetime of the tokens it hands out
 */
public record KubernetesRole(
    String name,
    List<String> serviceAccounts,
    List<String> namespaces,
    List<String> policies,
    long ttlSeconds) {

  public KubernetesRole {
    serviceAccounts = List.copyOf(serviceAccounts);
    namespaces = List.copyOf(namespaces);
    policies = List.copyOf(policies);
  }

  /** Whether the role grants exactly {@code policy} and nothing else. */
  public boolean grantsOnly(String policy) {
    return policies.equals(List.of(policy));
  }
}
