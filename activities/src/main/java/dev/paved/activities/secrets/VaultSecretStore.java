package dev.paved.activities.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paved.activities.support.ServiceHealth;
import dev.paved.activities.support.StepFailures;
import io.github.jopenlibs.vault.api.WriteOptions;
import io.github.jopenlibs.vault.json.Json;
import io.github.jopenlibs.vault.json.JsonArray;
import io.github.jopenlibs.vault.response.HealthResponse;
import io.github.jopenlibs.vault.rest.RestResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Secrets in Vault through vault-java-driver: values in KV v2, the owner marker in the path's
 * {@code custom_metadata} ({@code paved-service}, {@code paved-run}), read policies as ACL policies
 * and the optional Kubernetes auth roles. The first path segment is the KV v2 mount. Failures carry
 * a status and a path, never a value or Vault's answer to a data path.
 */
public final class VaultSecretStore implements SecretStore {

  static final String SERVICE_MARK = "paved-service";
  static final String RUN_MARK = "paved-run";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final VaultSettings settings;
  private final VaultSession session;

  public VaultSecretStore(VaultSettings settings) {
    this(settings, Clock.systemUTC());
  }

  VaultSecretStore(VaultSettings settings, Clock clock) {
    this.settings = settings;
    this.session = new VaultSession(settings, clock);
  }

  @Override
  public String defaultMount() {
    return settings.kvMount();
  }

  @Override
  public Optional<SecretMetadata> readMetadata(String path) {
    return metadata(path)
        .map(
            data -> {
              JsonNode custom = data.path("custom_metadata");
              Set<String> keys =
                  data.path("current_version").asInt(0) > 0 ? currentData(path).keySet() : Set.of();
              return new SecretMetadata(
                  custom.path(SERVICE_MARK).asText(null),
                  custom.path(RUN_MARK).asText(null),
                  keys,
                  instant(data.path("created_time")),
                  instant(data.path("updated_time")));
            });
  }

  /**
   * Marks the path first when it is new (custom metadata may exist before any version), so a crash
   * between the two writes leaves a path this service adopts, never an unmarked one. The values
   * then go in with check-and-set on the version read, so keys written meanwhile are never lost.
   * The making call is the mark, or the values' write when the path was there: only its refusal
   * says that nothing was made (once marked, the path exists whatever the values' write answers).
   */
  @Override
  public void write(String path, String serviceKey, String runId, SecretValues values) {
    Optional<JsonNode> metadata = metadata(path);
    long version = metadata.map(m -> m.path("current_version").asLong(0)).orElse(0L);
    boolean marking = metadata.isEmpty();
    if (marking) {
      Map<String, Object> mark =
          Map.of(
              "custom_metadata", Json.object().add(SERVICE_MARK, serviceKey).add(RUN_MARK, runId));
      RestResponse marked =
          session.send("mark " + path, (kv, raw) -> raw.logical().write(metadataPath(path), mark));
      VaultFailures.checkMaking(
          session.address(), "mark " + path, marked, errors(marked), 204, 200);
    }
    Map<String, String> existing = version > 0 ? currentData(path) : Map.of();
    if (existing.keySet().containsAll(values.keys())) {
      return;
    }
    Map<String, Object> merged = new LinkedHashMap<>(values.asMap());
    merged.putAll(existing); // keys already there keep their values
    WriteOptions cas = new WriteOptions().checkAndSet(version);
    RestResponse written =
        session.send(
            "write " + path,
            (kv, raw) -> kv.logical().write(SecretPaths.requirePath(path), merged, null, cas));
    if (written.getStatus() == 400 && errors(written).contains("check-and-set")) {
      throw StepFailures.unavailable(
          "secret path " + path + " changed while Paved wrote it; the step tries again",
          marking ? null : new NothingMade());
    }
    if (marking) {
      expectData("write " + path, written, 200, 204);
    } else {
      VaultFailures.checkMaking(session.address(), "write " + path, written, "", 200, 204);
    }
  }

  @Override
  public void delete(String path) {
    // The driver's KV v2 delete is DELETE <mount>/metadata/<path>: every version and the marker.
    RestResponse response =
        session.send(
            "delete " + path, (kv, raw) -> kv.logical().delete(SecretPaths.requirePath(path)));
    expect("delete " + path, response, 204, 200, 404);
  }

  @Override
  public Optional<String> readPolicy(String name) {
    String apiPath = policyPath(name);
    return readApi(apiPath).map(data -> data.path("policy").asText(null));
  }

  @Override
  public void writePolicy(String name, String hcl) {
    String apiPath = policyPath(name);
    writeApi(apiPath, Map.of("policy", hcl));
  }

  @Override
  public void deletePolicy(String name) {
    deleteApi(policyPath(name));
  }

  @Override
  public Optional<KubernetesRole> readKubernetesRole(String name) {
    return readApi(rolePath(name))
        .map(
            data ->
                new KubernetesRole(
                    name,
                    texts(data.path("bound_service_account_names")),
                    texts(data.path("bound_service_account_namespaces")),
                    texts(data.path("token_policies")),
                    data.path("token_ttl").asLong(0)));
  }

  @Override
  public void writeKubernetesRole(KubernetesRole role) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("bound_service_account_names", array(role.serviceAccounts()));
    body.put("bound_service_account_namespaces", array(role.namespaces()));
    body.put("token_policies", array(role.policies()));
    body.put("token_ttl", role.ttlSeconds());
    writeApi(rolePath(role.name()), body);
  }

  @Override
  public void deleteKubernetesRole(String name) {
    deleteApi(rolePath(name));
  }

  /** {@code GET /v1/sys/health}: up when initialised and unsealed (standbys included). */
  public ServiceHealth health() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("address", settings.address());
    try {
      HealthResponse health = session.anonymous().debug().health();
      int status = health.getRestResponse().getStatus();
      details.put("status", status);
      if (health.getSealed() != null) {
        details.put("sealed", health.getSealed());
      }
      if (health.getInitialized() != null) {
        details.put("initialized", health.getInitialized());
      }
      boolean up =
          Boolean.FALSE.equals(health.getSealed()) && Boolean.TRUE.equals(health.getInitialized());
      return new ServiceHealth(up, details);
    } catch (Exception e) {
      details.put("error", "no answer (" + e.getClass().getSimpleName() + ")");
      return new ServiceHealth(false, details);
    }
  }

  private Optional<JsonNode> metadata(String path) {
    return readApi(metadataPath(path));
  }

  /** The current version's values, for merging; they never leave this class. */
  private Map<String, String> currentData(String path) {
    RestResponse response =
        session.send("read " + path, (kv, raw) -> kv.logical().read(SecretPaths.requirePath(path)));
    if (response.getStatus() == 404) {
      return Map.of(); // the current version is deleted
    }
    expectData("read " + path, response, 200);
    Map<String, String> values = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields =
        body(response).path("data").path("data").fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      values.put(field.getKey(), field.getValue().asText());
    }
    return values;
  }

  private Optional<JsonNode> readApi(String apiPath) {
    RestResponse response =
        session.send("read " + apiPath, (kv, raw) -> raw.logical().read(apiPath));
    if (response.getStatus() == 404) {
      return Optional.empty();
    }
    expect("read " + apiPath, response, 200);
    return Optional.of(body(response).path("data"));
  }

  private void writeApi(String apiPath, Map<String, Object> body) {
    RestResponse response =
        session.send("write " + apiPath, (kv, raw) -> raw.logical().write(apiPath, body));
    VaultFailures.checkMaking(
        session.address(), "write " + apiPath, response, errors(response), 204, 200);
  }

  private void deleteApi(String apiPath) {
    RestResponse response =
        session.send("delete " + apiPath, (kv, raw) -> raw.logical().delete(apiPath));
    expect("delete " + apiPath, response, 204, 200, 404);
  }

  private static String metadataPath(String path) {
    String checked = SecretPaths.requirePath(path);
    int slash = checked.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("a secret path starts with its mount: " + path);
    }
    return checked.substring(0, slash) + "/metadata" + checked.substring(slash);
  }

  private static String policyPath(String name) {
    return "sys/policies/acl/" + SecretPaths.requirePolicyName(name);
  }

  private String rolePath(String name) {
    return "auth/" + settings.kubernetesAuthPath() + "/role/" + SecretPaths.requirePolicyName(name);
  }

  /** Checks the status; Vault's error text is quoted, as no value is ever in these answers. */
  private void expect(String what, RestResponse response, int... ok) {
    VaultFailures.check(session.address(), what, response, errors(response), ok);
  }

  /** Checks the status of a data path's answer without quoting it. */
  private void expectData(String what, RestResponse response, int... ok) {
    VaultFailures.check(session.address(), what, response, "", ok);
  }

  private static String errors(RestResponse response) {
    JsonNode errors = body(response).path("errors");
    List<String> texts = new ArrayList<>();
    errors.forEach(error -> texts.add(error.asText()));
    return String.join("; ", texts);
  }

  private static JsonNode body(RestResponse response) {
    byte[] bytes = response.getBody();
    if (bytes == null || bytes.length == 0) {
      return JSON.missingNode();
    }
    try {
      return JSON.readTree(bytes);
    } catch (IOException e) {
      // Never pass Jackson's message on: it may quote the body.
      return JSON.missingNode();
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  private static JsonArray array(List<String> values) {
    JsonArray array = new JsonArray();
    values.forEach(array::add);
    return array;
  }

  private static Instant instant(JsonNode text) {
    return text.isTextual() ? Instant.parse(text.asText()) : Instant.EPOCH;
  }
}
