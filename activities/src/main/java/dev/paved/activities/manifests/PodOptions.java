package dev.paved.activities.manifests;

import dev.paved.activities.support.Inputs;
import dev.paved.activities.support.StepFailures;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a workload needs from its pod beyond the defaults: writable folders under the read-only root
 * filesystem, pod annotations (for example Vault Agent's), and a short-lived service account token
 * for one audience, projected instead of the automounted one.
 *
 * @param writablePaths absolute folders, each an emptyDir; {@code /tmp} unless the input names
 *     others
 * @param podAnnotations sorted by key
 * @param tokenAudience the audience of the projected token, or null for none
 */
record PodOptions(
    List<String> writablePaths, Map<String, String> podAnnotations, String tokenAudience) {

  static final String TOKEN_VOLUME = "service-account-token";
  static final int TOKEN_SECONDS = 600;

  private static final int MAX_WRITABLE = 8;
  private static final Pattern WRITABLE_PATH = Pattern.compile("(/[A-Za-z0-9._-]+)+");
  private static final Pattern ANNOTATION_NAME =
      Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");
  private static final Pattern ANNOTATION_PREFIX =
      Pattern.compile(
          "(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern AUDIENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,252}");

  PodOptions {
    writablePaths = List.copyOf(writablePaths);
    podAnnotations = new TreeMap<>(podAnnotations);
  }

  static PodOptions read(Inputs inputs) {
    return new PodOptions(writablePaths(inputs), annotations(inputs), audience(inputs));
  }

  /** The emptyDir volume name of each writable path, in input order. */
  Map<String, String> volumes() {
    Map<String, String> volumes = new LinkedHashMap<>();
    for (String path : writablePaths) {
      String name = path.substring(1).toLowerCase().replaceAll("[^a-z0-9]+", "-");
      name = name.length() > 50 ? name.substring(0, 50) : name;
      name = name.replaceAll("^-+|-+$", "");
      if (volumes.containsValue(name) || name.isEmpty() || name.equals(TOKEN_VOLUME)) {
        name = "writable-" + (volumes.size() + 1);
      }
      volumes.put(path, name);
    }
    return volumes;
  }

  private static List<String> writablePaths(Inputs inputs) {
    List<Object> raw = inputs.list("writablePaths");
    if (raw.isEmpty()) {
      return List.of("/tmp");
    }
    if (raw.size() > MAX_WRITABLE) {
      throw invalid("'writablePaths' may name at most " + MAX_WRITABLE + " folders");
    }
    List<String> paths = new ArrayList<>();
    for (Object value : raw) {
      String path = String.valueOf(value);
      if (!WRITABLE_PATH.matcher(path).matches()
          || path.contains("/../")
          || path.endsWith("/..")
          || path.contains("/./")) {
        throw invalid(
            "'writablePaths' must hold absolute folders like /var/cache/app, got: " + path);
      }
      if (paths.contains(path)) {
        throw invalid("'writablePaths' names " + path + " twice");
      }
      paths.add(path);
    }
    return paths;
  }

  private static Map<String, String> annotations(Inputs inputs) {
    Map<String, String> annotations = new LinkedHashMap<>();
    inputs
        .map("podAnnotations")
        .forEach(
            (key, value) -> {
              if (!annotationKey(key)) {
                throw invalid("'podAnnotations' key is not a Kubernetes annotation name: " + key);
              }
              if (key.startsWith("paved.dev/")) {
                throw invalid("'podAnnotations' may not set Paved's own " + key);
              }
              if (value instanceof Map || value instanceof List) {
                throw invalid("'podAnnotations' " + key + " must be a single value");
              }
              annotations.put(key, value == null ? "" : String.valueOf(value));
            });
    return annotations;
  }

  private static boolean annotationKey(String key) {
    int slash = key.indexOf('/');
    String name = slash < 0 ? key : key.substring(slash + 1);
    return ANNOTATION_NAME.matcher(name).matches()
        && (slash < 0 || ANNOTATION_PREFIX.matcher(key.substring(0, slash)).matches());
  }

  private static String audience(Inputs inputs) {
    String audience = inputs.string("serviceAccountTokenAudience", null);
    if (audience != null && !AUDIENCE.matcher(audience).matches()) {
      throw invalid("'serviceAccountTokenAudience' is not a token audience: " + audience);
    }
    return audience;
  }

  private static RuntimeException invalid(String message) {
    return StepFailures.invalidInput(ManifestInputs.ACTION + ": " + message);
  }
}
