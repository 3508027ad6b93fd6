package dev.paved.activities.access;

import dev.paved.workflows.access.GrantRequest;

/**
 * How the Vault grant provider reaches Vault and names what it makes.
 *
 * @param address Vault's address, e.g. {@code https://vault.example.com:8200}
 * @param token Paved's own Vault token (allowed to create tokens with the access policies, revoke
 *     by accessor, and write under the credentials path)
 * @param tokenRole a token role to create tokens through ({@code auth/token/create/<role>}), or
 *     blank for {@code auth/token/create}
 * @param policyTemplate the policy a grant's token carries; {@code {environment}}, {@code
 *     {namespace}}, {@code {service}} (the entity's name) and {@code {role}} are filled in
 * @param credentialsMount the KV v2 mount the requester reads their token from
 * @param credentialsPrefix the path under that mount; the token goes to {@code
 *     <prefix>/<user>/<request id>}
 */
public record VaultGrantSettings(
    String address,
    String token,
    String tokenRole,
    String policyTemplate,
    String credentialsMount,
    String credentialsPrefix) {

  /** The policy for this request's service, environment and role. */
  String policy(GrantRequest request) {
    String ref = request.service();
    String namespaceAndName = ref.contains(":") ? ref.substring(ref.indexOf(':') + 1) : ref;
    int slash = namespaceAndName.indexOf('/');
    String namespace = slash < 0 ? "default" : namespaceAndName.substring(0, slash);
    String name = slash < 0 ? namespaceAndName : namespaceAndName.substring(slash + 1);
    return policyTemplate
        .replace("{environment}", request.environment())
        .replace("{namespace}", namespace)
        .replace("{service}", name)
        .replace("{role}", request.role());
  }

  /** Where the requester finds the token: a path their own Vault identity may read. */
  String credentialsPath(GrantRequest request) {
    return credentialsMount
        + "/"
        + credentialsPrefix
        + "/"
        + request.user()
        + "/"
        + request.requestId();
  }

  /** Never shows the token: settings end up in logs and error messages. */
  @Override
  public String toString() {
    return "VaultGrantSettings[address=" + address + ", tokenRole=" + tokenRole + "]";
  }
}
