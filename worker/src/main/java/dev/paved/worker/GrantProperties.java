package dev.paved.worker;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paved.access.grants.*}: where production access is granted.
 *
 * @param provider {@code local} (records under the data dir, no credential) or {@code vault}
 * @param vault the Vault provider's settings ({@code PAVED_ACCESS_GRANTS_VAULT_*})
 */
@ConfigurationProperties("paved.access.grants")
public record GrantProperties(@DefaultValue("local") String provider, @DefaultValue Vault vault) {

  /**
   * @param address Vault's address
   * @param token Paved's Vault token; never logged
   * @param tokenRole a token role to create tokens through, or empty
   * @param policyTemplate the policy of a grant's token ({@code {environment}}, {@code
   *     {namespace}}, {@code {service}}, {@code {role}})
   * @param credentialsMount the KV v2 mount where the requester reads their token
   * @param credentialsPrefix the path under that mount: {@code <prefix>/<user>/<request id>}
   */
  public record Vault(
      String address,
      String token,
      String tokenRole,
      @DefaultValue("access-{environment}-{service}-{role}") String policyTemplate,
      @DefaultValue("secret") String credentialsMount,
      @DefaultValue("paved/access") String credentialsPrefix) {

    @Override
    public String toString() {
      return "Vault[address=" + address + ", tokenRole=" + tokenRole + "]";
    }
  }
}
