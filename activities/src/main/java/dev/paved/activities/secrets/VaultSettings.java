package dev.paved.activities.secrets;

import java.util.Objects;

/**
 * How Paved reaches Vault. Either a token, or an AppRole's role id and secret id that Paved logs in
 * with (and logs in with again when the token ends or is refused).
 *
 * @param address Vault's address, for example {@code https://vault.example.com:8200}
 * @param approlePath the AppRole auth method's path ({@code approle})
 * @param namespace the Vault Enterprise namespace, or null
 * @param kvMount the KV v2 mount a step uses when it names none
 * @param kubernetesAuthPath the Kubernetes auth method's path ({@code kubernetes})
 */
public record VaultSettings(
    String address,
    String token,
    String roleId,
    String secretId,
    String approlePath,
    String namespace,
    String kvMount,
    String kubernetesAuthPath) {

  public VaultSettings {
    if (address == null || address.isBlank()) {
      throw new IllegalArgumentException("Vault's address is not set");
    }
    address = address.strip().replaceAll("/+$", "");
    token = blankToNull(token);
    roleId = blankToNull(roleId);
    secretId = blankToNull(secretId);
    namespace = blankToNull(namespace);
    if (token == null && (roleId == null || secretId == null)) {
      throw new IllegalArgumentException(
          "Vault at " + address + " needs a token, or an AppRole role id and secret id");
    }
    approlePath = segment("AppRole auth path", Objects.requireNonNullElse(approlePath, "approle"));
    kvMount = segment("KV mount", Objects.requireNonNullElse(kvMount, "secret"));
    kubernetesAuthPath =
        segment(
            "Kubernetes auth path", Objects.requireNonNullElse(kubernetesAuthPath, "kubernetes"));
  }

  /** A token's settings, with the default paths. */
  public static VaultSettings withToken(String address, String token) {
    return new VaultSettings(address, token, null, null, null, null, null, null);
  }

  /** An AppRole's settings, with the default paths. */
  public static VaultSettings withAppRole(String address, String roleId, String secretId) {
    return new VaultSettings(address, null, roleId, secretId, null, null, null, null);
  }

  /** Whether Paved logs in with AppRole (no token given). */
  public boolean appRole() {
    return token == null;
  }

  /** Names the settings without their credentials. */
  @Override
  public String toString() {
    return "VaultSettings[address="
        + address
        + ", auth="
        + (appRole() ? "approle at auth/" + approlePath : "token")
        + ", namespace="
        + namespace
        + ", kvMount="
        + kvMount
        + ", kubernetesAuthPath="
        + kubernetesAuthPath
        + "]";
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String segment(String what, String value) {
    if (!SecretPaths.isSegment(value)) {
      throw new IllegalArgumentException(
          "Vault " + what + " must be letters, digits, '_' or '-': " + value);
    }
    return value;
  }
}
