package dev.paved.activities.manifests;

import dev.paved.activities.support.Inputs;
import dev.paved.activities.support.StepFailures;
import io.fabric8.kubernetes.api.model.Quantity;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and checks the inputs of {@code paved:k8s:manifests}; anything wrong is InvalidInput. */
final class ManifestInputs {

  static final String ACTION = "paved:k8s:manifests";
  static final String DEFAULT_OTLP_ENDPOINT = "http://otel-collector.observability.svc:4318";
  static final Set<String> PAVED_ENV =
      Set.of(
          "OTEL_SERVICE_NAME",
          "OTEL_EXPORTER_OTLP_ENDPOINT",
          "OTEL_EXPORTER_OTLP_PROTOCOL",
          "OTEL_RESOURCE_ATTRIBUTES");

  private static final Pattern DNS_1035 = Pattern.compile("[a-z]([-a-z0-9]{0,61}[a-z0-9])?");
  private static final Pattern DNS_1123 = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
  private static final Pattern SUBDOMAIN =
      Pattern.compile(
          "(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern LABEL_VALUE =
      Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");
  private static final Pattern IMAGE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/:@+-]{0,254}");
  private static final Pattern HTTP_PATH = Pattern.compile("/[A-Za-z0-9._~/%?=&+-]*");
  private static final Pattern QUANTITY =
      Pattern.compile("([0-9]+(\\.[0-9]+)?|\\.[0-9]+)(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?");
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final Inputs inputs;

  private ManifestInputs(Map<String, Object> input) {
    this.inputs = Inputs.of(ACTION, input);
  }

  static ManifestSpec read(Map<String, Object> input, String serviceKey) {
    return new ManifestInputs(input).spec(serviceKey);
  }

  private ManifestSpec spec(String serviceKey) {
    String name = check("name", inputs.requiredString("name"), DNS_1035, "a DNS-1035 label");
    String owner = check("owner", inputs.requiredString("owner"), LABEL_VALUE, "a label value");
    String key = serviceKey == null || serviceKey.isBlank() ? owner + "/" + name : serviceKey;
    String cpuRequest = quantity("cpuRequest", "100m");
    String memoryRequest = quantity("memoryRequest", "256Mi");
    String cpuLimit = quantity("cpuLimit", "1");
    String memoryLimit = quantity("memoryLimit", "512Mi");
    notAbove("cpuRequest", cpuRequest, "cpuLimit", cpuLimit);
    notAbove("memoryRequest", memoryRequest, "memoryLimit", memoryLimit);
    return new ManifestSpec(
        name,
        owner,
        key,
        check("image", inputs.requiredString("image"), IMAGE, "an image reference"),
        optional("namespace", name, DNS_1123, "a DNS-1123 label"),
        optional("environment", "development", DNS_1123, "a DNS-1123 label"),
        range("port", 8080, 1, 65535),
        range("replicas", 2, 0, 100),
        optional("host", name + ".local", SUBDOMAIN, "a DNS name"),
        optional("livenessPath", "/actuator/health/liveness", HTTP_PATH, "a path from /"),
        optional("readinessPath", "/actuator/health/readiness", HTTP_PATH, "a path from /"),
        cpuRequest,
        memoryRequest,
        cpuLimit,
        memoryLimit,
        env(),
        otlpEndpoint(),
        optional("ingressNamespace", "ingress-nginx", DNS_1123, "a DNS-1123 label"),
        optional("monitoringNamespace", "monitoring", DNS_1123, "a DNS-1123 label"),
        optional("ingressClassName", "nginx", SUBDOMAIN, "a DNS name"),
        PodOptions.read(inputs));
  }

  private String optional(String field, String fallback, Pattern pattern, String what) {
    return check(field, inputs.string(field, fallback), pattern, what);
  }

  private static String check(String field, String value, Pattern pattern, String what) {
    if (!pattern.matcher(value).matches()) {
      throw invalid("'" + field + "' must be " + what + ", got: " + value);
    }
    return value;
  }

  private int range(String field, int fallback, int min, int max) {
    int value = inputs.integer(field, fallback);
    if (value < min || value > max) {
      throw invalid("'" + field + "' must be between " + min + " and " + max + ", got: " + value);
    }
    return value;
  }

  private String quantity(String field, String fallback) {
    return check(field, inputs.string(field, fallback), QUANTITY, "a quantity like 250m or 1Gi");
  }

  private static void notAbove(
      String requestField, String request, String limitField, String limit) {
    if (new Quantity(request)
            .getNumericalAmount()
            .compareTo(new Quantity(limit).getNumericalAmount())
        > 0) {
      throw invalid(
          "'" + requestField + "' " + request + " is above '" + limitField + "' " + limit);
    }
  }

  private Map<String, String> env() {
    Map<String, String> env = new LinkedHashMap<>();
    inputs
        .map("env")
        .forEach(
            (key, value) -> {
              check("env", key, ENV_NAME, "a map keyed by variable names");
              if (PAVED_ENV.contains(key)) {
                throw invalid("env " + key + " is set by Paved (use 'otlpEndpoint' to change it)");
              }
              if (value instanceof Map || value instanceof List) {
                throw invalid("env " + key + " must be a single value");
              }
              env.put(key, value == null ? "" : String.valueOf(value));
            });
    return env;
  }

  private String otlpEndpoint() {
    String endpoint = inputs.string("otlpEndpoint", DEFAULT_OTLP_ENDPOINT);
    try {
      URI uri = new URI(endpoint);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null) {
        return endpoint;
      }
    } catch (java.net.URISyntaxException e) {
      // falls through to the answer below
    }
    throw invalid("'otlpEndpoint' must be an http(s) URL, got: " + endpoint);
  }

  private static RuntimeException invalid(String message) {
    return StepFailures.invalidInput(ACTION + ": " + message);
  }
}
