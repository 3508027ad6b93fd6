package dev.paved.activities.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A stand-in Vault answering as Vault's HTTP API documents it, for the endpoints Paved uses: KV v2
 * data and metadata (with check-and-set and custom metadata), ACL policies, Kubernetes auth roles,
 * AppRole login and sys/health. It records every request; a test can seal it or make it refuse.
 */
final class FakeVault extends Dispatcher implements AutoCloseable {

  static final String CREATED = "2026-11-28T10:00:00.123456789Z";
  static final String TOKEN = "hvs.paved-token";
  static final ObjectMapper JSON = new ObjectMapper();

  final MockWebServer server = new MockWebServer();
  final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());
  final Map<String, ObjectNode> metadata = new HashMap<>();
  final Map<String, ObjectNode> data = new HashMap<>();
  final Map<String, String> policies = new HashMap<>();
  final Map<String, ObjectNode> roles = new HashMap<>();
  final List<String> tokens = new ArrayList<>(List.of(TOKEN));
  final AtomicInteger logins = new AtomicInteger();
  volatile boolean sealed;
  volatile int leaseSeconds = 3600;

  /** Another writer adds a version just before the next data write. */
  volatile boolean writeRacesAnotherWriter;

  FakeVault() throws IOException {
    server.setDispatcher(this);
    server.start();
  }

  String address() {
    String url = server.url("/").toString();
    return url.substring(0, url.length() - 1);
  }

  @Override
  public void close() {
    server.close();
  }

  @Override
  public synchronized MockResponse dispatch(RecordedRequest request) {
    requests.add(request);
    String path = request.getUrl().encodedPath();
    String method = request.getMethod();
    if (path.equals("/v1/sys/health")) {
      return json(sealed ? 503 : 200, health());
    }
    if (sealed) {
      return errors(503, "Vault is sealed");
    }
    if (path.equals("/v1/auth/approle/login") && method.equals("POST")) {
      JsonNode body = body(request);
      if (!"role-1".equals(body.path("role_id").asText())
          || !"secret-1".equals(body.path("secret_id").asText())) {
        return errors(400, "invalid role or secret ID");
      }
      String token = "hvs.login-" + logins.incrementAndGet();
      tokens.add(token);
      return json(200, login(token));
    }
    if (!tokens.contains(request.getHeaders().get("X-Vault-Token"))) {
      return errors(403, "1 error occurred:\n\t* permission denied\n\n");
    }
    String[] parts = path.substring("/v1/".length()).split("/", 3);
    if (parts[0].equals("sys") && path.startsWith("/v1/sys/policies/acl/")) {
      return policy(method, path.substring("/v1/sys/policies/acl/".length()), request);
    }
    if (parts[0].equals("auth") && path.startsWith("/v1/auth/kubernetes/role/")) {
      return role(method, path.substring("/v1/auth/kubernetes/role/".length()), request);
    }
    String key = parts[0] + "/" + parts[2];
    return switch (parts[1]) {
      case "metadata" -> metadata(method, key, request);
      case "data" -> data(method, key, request);
      default -> errors(404, "no handler for route");
    };
  }

  private MockResponse metadata(String method, String key, RecordedRequest request) {
    switch (method) {
      case "GET" -> {
        ObjectNode meta = metadata.get(key);
        return meta == null ? errors(404) : json(200, wrap(meta));
      }
      case "POST", "PUT" -> {
        ObjectNode meta = metadata.computeIfAbsent(key, k -> newMetadata());
        JsonNode custom = body(request).path("custom_metadata");
        if (!custom.isMissingNode()) {
          meta.set("custom_metadata", custom);
        }
        return new MockResponse.Builder().code(204).build();
      }
      case "DELETE" -> {
        metadata.remove(key);
        data.remove(key);
        return new MockResponse.Builder().code(204).build();
      }
      default -> {
        return errors(405);
      }
    }
  }

  private MockResponse data(String method, String key, RecordedRequest request) {
    ObjectNode meta = metadata.get(key);
    if (method.equals("GET")) {
      ObjectNode values = data.get(key);
      if (values == null) {
        return errors(404);
      }
      ObjectNode body = JSON.createObjectNode();
      body.set("data", values);
      body.set("metadata", versionMetadata(meta));
      return json(200, wrap(body));
    }
    JsonNode body = body(request);
    if (writeRacesAnotherWriter && meta != null) {
      writeRacesAnotherWriter = false;
      meta.put("current_version", meta.path("current_version").asLong() + 1);
    }
    long current = meta == null ? 0 : meta.path("current_version").asLong();
    JsonNode cas = body.path("options").path("cas");
    if (!cas.isMissingNode() && cas.asLong() != current) {
      return errors(400, "check-and-set parameter did not match the current version");
    }
    if (meta == null) {
      meta = newMetadata();
      metadata.put(key, meta);
    }
    meta.put("current_version", current + 1);
    data.put(key, (ObjectNode) body.path("data").deepCopy());
    return json(200, wrap(versionMetadata(meta)));
  }

  private MockResponse policy(String method, String name, RecordedRequest request) {
    switch (method) {
      case "GET" -> {
        String hcl = policies.get(name);
        if (hcl == null) {
          return errors(404);
        }
        ObjectNode policy = JSON.createObjectNode().put("name", name).put("policy", hcl);
        ObjectNode body = wrap(policy);
        body.put("name", name).put("policy", hcl);
        return json(200, body);
      }
      case "POST", "PUT" -> {
        JsonNode policy = body(request).path("policy");
        if (!policy.isTextual()) {
          return errors(400, "'policy' parameter not supplied or empty");
        }
        if (policy.asText().contains("= INVALID")) {
          return errors(400, "failed to parse policy: At 1:30: Unknown token: 'INVALID'");
        }
        policies.put(name, policy.asText());
        return new MockResponse.Builder().code(204).build();
      }
      case "DELETE" -> {
        policies.remove(name);
        return new MockResponse.Builder().code(204).build();
      }
      default -> {
        return errors(405);
      }
    }
  }

  private MockResponse role(String method, String name, RecordedRequest request) {
    switch (method) {
      case "GET" -> {
        ObjectNode role = roles.get(name);
        return role == null ? errors(404) : json(200, wrap(role));
      }
      case "POST", "PUT" -> {
        ObjectNode role = ((ObjectNode) body(request)).deepCopy();
        role.set("policies", role.path("token_policies"));
        role.put("ttl", role.path("token_ttl").asLong());
        role.put("audience", "");
        roles.put(name, role);
        return new MockResponse.Builder().code(204).build();
      }
      case "DELETE" -> {
        roles.remove(name);
        return new MockResponse.Builder().code(204).build();
      }
      default -> {
        return errors(405);
      }
    }
  }

  private static ObjectNode newMetadata() {
    ObjectNode meta = JSON.createObjectNode();
    meta.put("cas_required", false);
    meta.put("created_time", CREATED);
    meta.put("current_version", 0);
    meta.putNull("custom_metadata");
    meta.put("delete_version_after", "0s");
    meta.put("max_versions", 0);
    meta.put("oldest_version", 0);
    meta.put("updated_time", CREATED);
    meta.putObject("versions");
    return meta;
  }

  private static ObjectNode versionMetadata(ObjectNode meta) {
    ObjectNode version = JSON.createObjectNode();
    version.put("created_time", CREATED);
    version.set("custom_metadata", meta.path("custom_metadata"));
    version.put("deletion_time", "");
    version.put("destroyed", false);
    version.put("version", meta.path("current_version").asLong());
    return version;
  }

  private ObjectNode login(String token) {
    ObjectNode body = JSON.createObjectNode();
    body.put("request_id", "0d1e6b4c").put("lease_id", "").put("renewable", false);
    body.put("lease_duration", 0).putNull("data").putNull("wrap_info").putNull("warnings");
    ObjectNode auth = body.putObject("auth");
    auth.put("client_token", token).put("accessor", "acc-" + token);
    auth.putArray("policies").add("default").add("paved");
    auth.putArray("token_policies").add("default").add("paved");
    auth.putObject("metadata").put("role_name", "paved");
    auth.put("lease_duration", leaseSeconds).put("renewable", true);
    auth.put("entity_id", "e-1").put("token_type", "service").put("orphan", true);
    return body;
  }

  private ObjectNode health() {
    ObjectNode body = JSON.createObjectNode();
    body.put("initialized", true).put("sealed", sealed).put("standby", sealed);
    body.put("performance_standby", false).put("replication_performance_mode", "disabled");
    body.put("replication_dr_mode", "disabled").put("server_time_utc", 1795860000L);
    body.put("version", "1.21.0").put("cluster_name", "vault-cluster-1");
    return body;
  }

  private static ObjectNode wrap(JsonNode data) {
    ObjectNode body = JSON.createObjectNode();
    body.put("request_id", "6cc7a484").put("lease_id", "").put("renewable", false);
    body.put("lease_duration", 0);
    body.set("data", data);
    body.putNull("wrap_info").putNull("warnings").putNull("auth");
    return body;
  }

  static MockResponse json(int code, JsonNode body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json")
        .body(body.toString())
        .build();
  }

  static MockResponse errors(int code, String... errors) {
    ObjectNode body = JSON.createObjectNode();
    var list = body.putArray("errors");
    for (String error : errors) {
      list.add(error);
    }
    return json(code, body);
  }

  static JsonNode body(RecordedRequest request) {
    try {
      var bytes = request.getBody();
      return bytes == null || bytes.size() == 0
          ? JSON.createObjectNode()
          : JSON.readTree(bytes.string(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code METHOD /path} of every request so far. */
  List<String> calls() {
    synchronized (requests) {
      return requests.stream().map(r -> r.getMethod() + " " + r.getUrl().encodedPath()).toList();
    }
  }
}
