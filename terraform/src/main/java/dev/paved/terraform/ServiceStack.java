package dev.paved.terraform;

import java.util.regex.Pattern;

/**
 * What a service's infrastructure stack is made from. The constructor refuses values that could not
 * be a Kubernetes name, label or Vault path, so no engine ever sees them.
 *
 * @param name the service; a DNS-1035 label, used for the namespace and the database
 * @param owner the owning team; a Kubernetes label value
 * @param environment for example {@code development}; a DNS-1123 label
 * @param database whether the service gets a PostgreSQL role and database
 * @param secretPath the service's KV v2 secret ({@code <mount>/<path>}) holding the database
 *     password under {@link #PASSWORD_KEY}; required when {@code database} is true
 */
public record ServiceStack(
    String name, String owner, String environment, boolean database, String secretPath) {

  /** The key of the database password inside the secret at {@code secretPath}. */
  public static final String PASSWORD_KEY = "password";

  /** The annotation that marks what the stack makes with {@link #serviceKey()}. */
  public static final String SERVICE_KEY_ANNOTATION = "paved.dev/service-key";

  private static final Pattern DNS_1035 = Pattern.compile("[a-z]([-a-z0-9]{0,61}[a-z0-9])?");
  private static final Pattern DNS_1123 = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
  private static final Pattern LABEL_VALUE =
      Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");
  private static final Pattern SECRET_PATH =
      Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]*(/[A-Za-z0-9_-][A-Za-z0-9_.-]*)+");

  public ServiceStack {
    require(name, DNS_1035, "name", "a DNS-1035 label (a-z, 0-9, '-', at most 63)");
    require(owner, LABEL_VALUE, "owner", "a Kubernetes label value (at most 63)");
    require(environment, DNS_1123, "environment", "a DNS-1123 label");
    if (secretPath != null && secretPath.isBlank()) {
      secretPath = null;
    }
    if (secretPath != null) {
      require(secretPath, SECRET_PATH, "secretPath", "a Vault path like secret/team/service");
    }
    if (database && secretPath == null) {
      throw new IllegalArgumentException("secretPath is required when database is true");
    }
  }

  /** The mark of what Paved makes for this service, as in {@code ActionRequest.serviceKey}. */
  public String serviceKey() {
    return owner + "/" + name;
  }

  /** The PostgreSQL role and database name: the service name with '_' for '-'. */
  public String databaseName() {
    return name.replace('-', '_');
  }

  private static void require(String value, Pattern pattern, String field, String what) {
    if (value == null || !pattern.matcher(value).matches()) {
      throw new IllegalArgumentException(field + " must be " + what + ", got: " + value);
    }
  }
}
