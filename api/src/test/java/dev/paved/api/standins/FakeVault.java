package dev.paved.api.standins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockResponse;

/**
 * A stateful stand-in for Vault's HTTP API, for what Paved uses: KV v2 data and metadata (check-and
 * -set, custom metadata; deleting the metadata deletes every version), ACL policies, roles of the
 * Kubernetes auth method at {@code auth/kubernetes} and {@code sys/health}. Every mount other than
 * {@code sys} and {@code auth} is taken as a KV v2 mount. A request without the token is 403.
 */
public final class FakeVault extends StandIn {

  public static final String TOKEN = "hvs.standin-e2e";
  private static final String TIME = "2026-11-28T10:00:00.123456789Z";

  /** The only token this Vault accepts. */
  private final String token;

  public FakeVault() {
    this(TOKEN);
  }

  /** A Vault that accepts {@code token} (as a deployment's own token) instead of {@link #TOKEN}. */
  public FakeVault(String token) {
    this.token = token;
  }

  /** {@code secret/team/name/env} → metadata, as KV v2 answers it. */
  private final Map<String, ObjectNode> metadata = new LinkedHashMap<>();

  private final Map<String, ObjectNode> data = new LinkedHashMap<>();
  private final Map<String, String> policies = new LinkedHashMap<>();
  private final Map<String, ObjectNode> roles = new LinkedHashMap<>();

  /** Vault's address, as {@code PAVED_VAULT_ADDR}. */
  public String address() {
    return baseUrl();
  }

  // --- seeding and what Vault holds now ---

  /** A secret path whose metadata names its service and run, with one version of {@code values}. */
  public synchronized void secret(
      String path, String service, String run, Map<String, String> values) {
    ObjectNode meta = newMetadata();
    meta.putObject("custom_metadata").put("paved-service", service).put("paved-run", run);
    meta.put("current_version", 1);
    metadata.put(path, meta);
    ObjectNode stored = JSON.createObjectNode();
    values.forEach(stored::put);
    data.put(path, stored);
  }

  public synchronized void policy(String name, String hcl) {
    policies.put(name, hcl);
  }

  /** The current version's values of a path ({@code secret/team/name/env}), if there are any. */
  public synchronized Optional<Map<String, String>> values(String path) {
    ObjectNode values = data.get(path);
    if (values == null) {
      return Optional.empty();
    }
    Map<String, String> copy = new LinkedHashMap<>();
    values.fields().forEachRemaining(f -> copy.put(f.getKey(), f.getValue().asText()));
    return Optional.of(copy);
  }

  /** The path's {@code custom_metadata}; empty when the path has no metadata. */
  public synchronized Optional<JsonNode> customMetadata(String path) {
    return Optional.ofNullable(metadata.get(path)).map(m -> m.path("custom_metadata").deepCopy());
  }

  public synchronized Optional<String> policyText(String name) {
    return Optional.ofNullable(policies.get(name));
  }

  /** A Kubernetes auth role as Vault reads it back. */
  public synchronized Optional<JsonNode> role(String name) {
    return Optional.ofNullable(roles.get(name)).map(ObjectNode::deepCopy);
  }

  public synchronized Map<String, String> policies() {
    return Map.copyOf(policies);
  }

  // --- the API ---

  @Override
  protected MockResponse answer(Call call) {
    String path = call.path();
    String m = call.method();
    if (path.equals("/v1/sys/health") && m.equals("GET")) {
      return json(
          200,
          JSON.createObjectNode()
              .put("initialized", true)
              .put("sealed", false)
              .put("standby", false)
              .put("performance_standby", false)
              .put("replication_performance_mode", "disabled")
              .put("replication_dr_mode", "disabled")
              .put("server_time_utc", 1795860000L)
              .put("version", "1.21.0")
              .put("cluster_name", "vault-cluster-standin")
              .put("cluster_id", "3e8b2d4c-standin"));
    }
    if (!path.startsWith("/v1/")) {
      return unhandled(call, "{\"errors\":[]}");
    }
    if (!token.equals(call.headers().get("X-Vault-Token"))) {
      return errors(403, "permission denied");
    }
    if (path.startsWith("/v1/sys/policies/acl/")) {
      return policy(call, path.substring("/v1/sys/policies/acl/".length()));
    }
    if (path.startsWith("/v1/auth/kubernetes/role/")) {
      return role(call, path.substring("/v1/auth/kubernetes/role/".length()));
    }
    String[] parts = path.substring("/v1/".length()).split("/", 3);
    if (parts.length < 3 || parts[0].equals("sys") || parts[0].equals("auth")) {
      return unhandled(call, "{\"errors\":[\"no handler for route\"]}");
    }
    String key = parts[0] + "/" + parts[2];
    return switch (parts[1]) {
      case "metadata" -> metadata(call, key);
      case "data" -> data(call, key);
      default -> unhandled(call, "{\"errors\":[\"no handler for route\"]}");
    };
  }

  private MockResponse metadata(Call call, String key) {
    switch (call.method()) {
      case "GET" -> {
        ObjectNode meta = metadata.get(key);
        return meta == null ? errors(404) : json(200, wrap(meta));
      }
      case "POST", "PUT" -> {
        ObjectNode meta = metadata.computeIfAbsent(key, k -> newMetadata());
        JsonNode custom = call.json().path("custom_metadata");
        if (custom.isObject()) {
          meta.set("custom_metadata", custom);
        }
        return empty(204);
      }
      case "DELETE" -> {
        metadata.remove(key);
        data.remove(key);
        return empty(204);
      }
      default -> {
        return errors(405);
      }
    }
  }

  private MockResponse data(Call call, String key) {
    ObjectNode meta = metadata.get(key);
    if (call.method().equals("GET")) {
      ObjectNode values = data.get(key);
      if (values == null) {
        return errors(404);
      }
      ObjectNode body = JSON.createObjectNode();
      body.set("data", values.deepCopy());
      body.set("metadata", version(meta));
      return json(200, wrap(body));
    }
    if (!call.method().equals("POST") && !call.method().equals("PUT")) {
      return errors(405);
    }
    JsonNode body = call.json();
    long current = meta == null ? 0 : meta.path("current_version").asLong();
    JsonNode cas = body.path("options").path("cas");
    if (!cas.isMissingNode() && cas.asLong() != current) {
      return errors(400, "check-and-set parameter did not match the current version");
    }
    if (!body.path("data").isObject()) {
      return errors(400, "no data provided");
    }
    if (meta == null) {
      meta = newMetadata();
      metadata.put(key, meta);
    }
    meta.put("current_version", current + 1);
    data.put(key, (ObjectNode) body.path("data").deepCopy());
    return json(200, wrap(version(meta)));
  }

  private MockResponse policy(Call call, String name) {
    switch (call.method()) {
      case "GET" -> {
        String hcl = policies.get(name);
        if (hcl == null) {
          return errors(404);
        }
        ObjectNode body = wrap(JSON.createObjectNode().put("name", name).put("policy", hcl));
        body.put("name", name).put("policy", hcl);
        return json(200, body);
      }
      case "POST", "PUT" -> {
        JsonNode policy = call.json().path("policy");
        if (!policy.isTextual() || policy.asText().isBlank()) {
          return errors(400, "'policy' parameter not supplied or empty");
        }
        policies.put(name, policy.asText());
        return empty(204);
      }
      case "DELETE" -> {
        policies.remove(name);
        return empty(204);
      }
      default -> {
        return errors(405);
      }
    }
  }

  private MockResponse role(Call call, String name) {
    switch (call.method()) {
      case "GET" -> {
        ObjectNode role = roles.get(name);
        return role == null ? errors(404) : json(200, wrap(role));
      }
      case "POST", "PUT" -> {
        JsonNode body = call.json();
        if (!body.path("bound_service_account_names").isArray()
            || !body.path("bound_service_account_namespaces").isArray()) {
          return errors(
              400,
              "\"bound_service_account_names\" and \"bound_service_account_namespaces\" can not"
                  + " be empty");
        }
        ObjectNode role = ((ObjectNode) body).deepCopy();
        role.put("audience", "").put("token_type", "default");
        roles.put(name, role);
        return empty(204);
      }
      case "DELETE" -> {
        roles.remove(name);
        return empty(204);
      }
      default -> {
        return errors(405);
      }
    }
  }

  private static ObjectNode newMetadata() {
    ObjectNode meta = JSON.createObjectNode();
    meta.put("cas_required", false).put("created_time", TIME).put("current_version", 0);
    meta.putNull("custom_metadata");
    meta.put("delete_version_after", "0s").put("max_versions", 0).put("oldest_version", 0);
    meta.put("updated_time", TIME).putObject("versions");
    return meta;
  }

  private static ObjectNode version(ObjectNode meta) {
    ObjectNode version = JSON.createObjectNode();
    version.put("created_time", TIME);
    version.set("custom_metadata", meta.path("custom_metadata"));
    version.put("deletion_time", "").put("destroyed", false);
    version.put("version", meta.path("current_version").asLong());
    return version;
  }

  private static ObjectNode wrap(JsonNode data) {
    ObjectNode body = JSON.createObjectNode();
    body.put("request_id", "6cc7a484-standin").put("lease_id", "").put("renewable", false);
    body.put("lease_duration", 0).set("data", data);
    body.putNull("wrap_info").putNull("warnings").putNull("auth");
    return body;
  }

  private static MockResponse errors(int status, String... errors) {
    ObjectNode body = JSON.createObjectNode();
    var list = body.putArray("errors");
    for (String error : errors) {
      list.add(error);
    }
    return json(status, body);
  }
}
