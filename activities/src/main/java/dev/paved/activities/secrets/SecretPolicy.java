package dev.paved.activities.secrets;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service's read policy as Vault HCL. Vault keeps no metadata on policies, so the owner marker
 * is the policy's first line, a comment naming the service and the run that made it.
 */
final class SecretPolicy {

  private static final String MARKER = "# paved:service-key=";
  private static final Pattern OWNER =
      Pattern.compile("\\A# paved:service-key=(\\S+)(?: run=(\\S+))?\\R");

  private SecretPolicy() {}

  /** Read on the secret's data path and on its metadata path, nothing else. */
  static String hcl(SecretRequest request, String runId) {
    return MARKER
        + request.serviceKey()
        + " run="
        + runId
        + "\n"
        + "# Read access to "
        + request.path()
        + ", made by Paved.\n"
        + "path \""
        + request.dataPath()
        + "\" {\n"
        + "  capabilities = [\"read\"]\n"
        + "}\n\n"
        + "path \""
        + request.metadataPath()
        + "\" {\n"
        + "  capabilities = [\"read\"]\n"
        + "}\n";
  }

  /** The service key in the policy's marker, or empty when it has none (not made by Paved). */
  static Optional<String> owner(String hcl) {
    Matcher matcher = OWNER.matcher(hcl);
    return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  /** The run in the policy's marker, or empty when it has none. */
  static Optional<String> run(String hcl) {
    Matcher matcher = OWNER.matcher(hcl);
    return matcher.find() ? Optional.ofNullable(matcher.group(2)) : Optional.empty();
  }
}
