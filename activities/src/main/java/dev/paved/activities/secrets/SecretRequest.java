package dev.paved.activities.secrets;

import dev.paved.activities.support.Inputs;
import dev.paved.activities.support.StepFailures;
import dev.paved.workflows.steps.ActionRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A {@code paved:vault:secrets} step's input, checked: every path segment and key name is safe.
 *
 * @param keys the key names to generate, in the order given, without duplicates
 * @param kubernetes the Kubernetes auth binding asked for with {@code kubernetesRole: true}, or
 *     null
 */
record SecretRequest(
    String serviceKey,
    String mount,
    String owner,
    String name,
    String environment,
    List<String> keys,
    KubernetesBinding kubernetes) {

  static final String ACTION = "paved:vault:secrets";

  private static final Pattern SERVICE_KEY = Pattern.compile("[A-Za-z0-9._/:-]{1,255}");
  private static final Pattern DNS_1123 = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
  private static final int MIN_TTL = 60;
  private static final int MAX_TTL = 31 * 24 * 3600;

  /**
   * The service's pods that may log in through Vault's Kubernetes auth method.
   *
   * @param ttlSeconds the lifetime of the tokens the role hands out
   */
  record KubernetesBinding(String serviceAccount, String namespace, int ttlSeconds) {}

  /** {@link #from(ActionRequest, String)} with the mount {@code secret} as the default. */
  static SecretRequest from(ActionRequest request) {
    return from(request, "secret");
  }

  /**
   * Reads and checks the step's input; InvalidInput names the field that is wrong.
   *
   * @param defaultMount the KV v2 mount when the step names none
   */
  static SecretRequest from(ActionRequest request, String defaultMount) {
    Inputs inputs = Inputs.of(ACTION, request.input());
    String serviceKey = request.serviceKey();
    if (serviceKey == null || !SERVICE_KEY.matcher(serviceKey).matches()) {
      // The key is written into the policy's marker line: no spaces or line breaks.
      throw StepFailures.invalidInput(ACTION + ": not a service key: " + serviceKey);
    }
    String name = segment("name", inputs.requiredString("name"));
    String owner = segment("owner", bareName(inputs.requiredString("owner")));
    String environment = segment("environment", inputs.string("environment", "development"));
    String mount = segment("mount", inputs.string("mount", defaultMount));
    return new SecretRequest(
        serviceKey, mount, owner, name, environment, keys(inputs), kubernetes(inputs, name));
  }

  /** The Kubernetes auth role granting the read policy, when the step asks for one. */
  Optional<KubernetesRole> kubernetesRole() {
    if (kubernetes == null) {
      return Optional.empty();
    }
    String policy = policyName();
    return Optional.of(
        new KubernetesRole(
            policy,
            List.of(kubernetes.serviceAccount()),
            List.of(kubernetes.namespace()),
            List.of(policy),
            kubernetes.ttlSeconds()));
  }

  /** {@code <mount>/<owner>/<name>/<environment>}: where the values live. */
  String path() {
    return String.join("/", mount, owner, name, environment);
  }

  /**
   * {@code <owner>-<name>-<environment>-read-<hash>}: the policy the service's runtime gets. The
   * segments may hold '-' themselves ({@code team/payments-checkout} and {@code
   * team-payments/checkout}), and policy names share one namespace: a hash of the path keeps two
   * services from ever meeting on one name.
   */
  String policyName() {
    return owner + "-" + name + "-" + environment + "-read-" + shortHash(path());
  }

  private static String shortHash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The KV v2 API path that holds the values ({@code data/} after the mount). */
  String dataPath() {
    return mount + "/data/" + owner + "/" + name + "/" + environment;
  }

  /** The KV v2 API path that holds the versions and custom metadata. */
  String metadataPath() {
    return mount + "/metadata/" + owner + "/" + name + "/" + environment;
  }

  /** {@code group:default/team-payments} or {@code team-payments} → {@code team-payments}. */
  static String bareName(String ref) {
    String bare = ref.trim();
    bare = bare.substring(bare.indexOf(':') + 1);
    return bare.substring(bare.lastIndexOf('/') + 1);
  }

  private static String segment(String field, String value) {
    if (!SecretPaths.isSegment(value)) {
      throw StepFailures.invalidInput(
          ACTION
              + ": input '"
              + field
              + "' must be letters, digits, '_' or '-' (at most 63), got: "
              + value);
    }
    return value;
  }

  /** Service account and namespace default to the service's name, as its manifests' do. */
  private static KubernetesBinding kubernetes(Inputs inputs, String name) {
    if (!inputs.bool("kubernetesRole", false)) {
      return null;
    }
    String serviceAccount = label("serviceAccount", inputs.string("serviceAccount", name));
    String namespace = label("namespace", inputs.string("namespace", name));
    int ttl = inputs.integer("tokenTtl", 3600);
    if (ttl < MIN_TTL || ttl > MAX_TTL) {
      throw StepFailures.invalidInput(
          ACTION + ": input 'tokenTtl' must be seconds between 60 and 2678400, got: " + ttl);
    }
    return new KubernetesBinding(serviceAccount, namespace, ttl);
  }

  private static String label(String field, String value) {
    if (!DNS_1123.matcher(value).matches()) {
      throw StepFailures.invalidInput(
          ACTION + ": input '" + field + "' must be a DNS-1123 label (Kubernetes), got: " + value);
    }
    return value;
  }

  private static List<String> keys(Inputs inputs) {
    Set<String> keys = new LinkedHashSet<>();
    for (Object key : inputs.list("secrets")) {
      String text = key == null ? null : String.valueOf(key);
      if (!SecretPaths.isKey(text)) {
        throw StepFailures.invalidInput(
            ACTION + ": secret names must be lower-case letters, digits, '_' or '-', got: " + text);
      }
      keys.add(text);
    }
    if (keys.isEmpty()) {
      throw StepFailures.invalidInput(ACTION + ": input 'secrets' must name at least one secret");
    }
    return new ArrayList<>(keys);
  }
}
