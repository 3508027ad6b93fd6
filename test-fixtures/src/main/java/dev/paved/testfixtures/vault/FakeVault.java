package dev.paved.testfixtures.vault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paved.testfixtures.StandIn;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import mockwebserver3.MockResponse;

/**
 * A stateful stand-in for Vault's HTTP API, for what Paved uses: KV v2 data and metadata (check-and
 * -set, custom metadata; deleting the metadata deletes every version), ACL policies, roles of the
 * Kubernetes auth method at {@code auth/kubernetes}, AppRole login, token create and revoke by
 * accessor, and {@code sys/health}. Every mount other than {@code sys} and {@code auth} is taken as
 * a KV v2 mount. A request without a token it issued is 403; a sealed Vault answers 503.
 */
public final class FakeVault extends StandIn {

  public static final String TOKEN = "hvs.standin-token";

  /** The only AppRole credentials this Vault accepts; a login yields {@code hvs.login-<n>}. */
  public static final String ROLE_ID = "role-1";

  public static final String SECRET_ID = "secret-1";

  /** The time of every version and metadata entry. */
  public static final String CREATED = "2026-11-28T10:00:00.123456789Z";

  /** The kinds of resources {@link #made(String)} counts. */
  public static final String PATH = "secret path";

  public static final String POLICY = "policy";
  public static final String ROLE = "role";

  private static final String DENIED = "1 error occurred:\n\t* permission denied\n\n";

  /** {@code secret/team/name/env} → metadata, as KV v2 answers it. */
  private final Map<String, ObjectNode> metadata = new LinkedHashMap<>();

  private final Map<String, ObjectNode> data = new LinkedHashMap<>();
  private final Map<String, String> policies = new LinkedHashMap<>();
  private final Map<String, ObjectNode> roles = new LinkedHashMap<>();

  /** The tokens Vault accepts now. */
  private final Set<String> tokens = new LinkedHashSet<>();

  /** accessor → token, for the tokens made through {@code auth/token/create}. */
  private final Map<String, String> accessors = new LinkedHashMap<>();

  private int logins;
  private int issued;
  private boolean sealed;
  private long leaseSeconds = 3600;
  private boolean raceNextWrite;

  public FakeVault() {
    this(TOKEN);
  }

  /** A Vault that accepts {@code token} (as a deployment's own token) instead of {@link #TOKEN}. */
  public FakeVault(String token) {
    tokens.add(token);
  }

  /** Vault's address, as {@code PAVED_VAULT_ADDR}. */
  public String address() {
    return baseUrl();
  }

  // --- seeding, the state of the server, and what Vault holds now ---

  /** A secret path whose metadata names its service and run, with one version of {@code values}. */
  public synchronized void secret(
      String path, String service, String run, Map<String, String> values) {
    secret(path, values);
    metadata
        .get(path)
        .putObject("custom_metadata")
        .put("paved-service", service)
        .put("paved-run", run);
  }

  /** A secret path ({@code mount/path}) with one version of {@code values}, no custom metadata. */
  public synchronized void secret(String path, Map<String, String> values) {
    ObjectNode meta = newMetadata();
    meta.put("current_version", 1);
    metadata.put(path, meta);
    ObjectNode stored = JSON.createObjectNode();
    values.forEach(stored::put);
    data.put(path, stored);
  }

  public synchronized void policy(String name, String hcl) {
    policies.put(name, hcl);
  }

  /** Seals or unseals Vault: sealed, it answers 503 to all but {@code sys/health}. */
  public synchronized void sealed(boolean sealed) {
    this.sealed = sealed;
  }

  /** The lease of the tokens AppRole logins give. */
  public synchronized void leaseSeconds(long seconds) {
    this.leaseSeconds = seconds;
  }

  /** Another writer adds a version of the path just before the next data write. */
  public synchronized void raceNextWrite() {
    raceNextWrite = true;
  }

  /** Vault stops accepting the token (revoked, or expired early). */
  public synchronized void revoke(String token) {
    tokens.remove(token);
  }

  public synchronized int logins() {
    return logins;
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

  /** The KV v2 paths ({@code mount/path}) that have metadata. */
  public synchronized Set<String> paths() {
    return Set.copyOf(metadata.keySet());
  }

  public synchronized Optional<String> policyText(String name) {
    return Optional.ofNullable(policies.get(name));
  }

  /** A Kubernetes auth role as Vault reads it back. */
  public synchronized Optional<JsonNode> role(String name) {
    return Optional.ofNullable(roles.get(name)).map(ObjectNode::deepCopy);
  }

  public synchronized Set<String> roles() {
    return Set.copyOf(roles.keySet());
  }

  public synchronized Map<String, String> policies() {
    return Map.copyOf(policies);
  }

  /** The accessors of the tokens made through {@code auth/token/create} and not revoked. */
  public synchronized Set<String> accessors() {
    return Set.copyOf(accessors.keySet());
  }

  /** The token {@code auth/token/create} makes as its {@code n}th (from 1). */
  public static String issuedToken(int n) {
    return "hvs.CAESIissued-" + n;
  }

  /** The accessor of the {@code n}th token made by {@code auth/token/create}. */
  public static String issuedAccessor(int n) {
    return "Hq9vK2xZyAccessor-" + n;
  }

  // --- the API ---

  @Override
  protected MockResponse answer(Call call) {
    String path = call.path();
    String m = call.method();
    if (path.equals("/v1/sys/health") && m.equals("GET")) {
      return json(sealed ? 503 : 200, health());
    }
    if (!path.startsWith("/v1/")) {
      return unhandled(call, "{\"errors\":[]}");
    }
    if (sealed) {
      return errors(503, "Vault is sealed");
    }
    if (path.equals("/v1/auth/approle/login") && m.equals("POST")) {
      return login(call.json());
    }
    if (!tokens.contains(call.headers().get("X-Vault-Token"))) {
      return errors(403, DENIED);
    }
    if (path.startsWith("/v1/sys/policies/acl/")) {
      return policy(call, path.substring("/v1/sys/policies/acl/".length()));
    }
    if (path.startsWith("/v1/auth/kubernetes/role/")) {
      return role(call, path.substring("/v1/auth/kubernetes/role/".length()));
    }
    if ((path.equals("/v1/auth/token/create") || path.startsWith("/v1/auth/token/create/"))
        && m.equals("POST")) {
      return createToken(call.json());
    }
    if (path.equals("/v1/auth/token/revoke-accessor") && m.equals("POST")) {
      String token = accessors.remove(call.json().path("accessor").asText());
      if (token == null) {
        return errors(400, "1 error occurred:\n\t* invalid accessor\n\n");
      }
      tokens.remove(token);
      return empty(204);
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

  private MockResponse login(JsonNode body) {
    if (!ROLE_ID.equals(body.path("role_id").asText())
        || !SECRET_ID.equals(body.path("secret_id").asText())) {
      return errors(400, "invalid role or secret ID");
    }
    String token = "hvs.login-" + ++logins;
    tokens.add(token);
    ObjectNode answer = wrap(null);
    ObjectNode auth = answer.putObject("auth");
    auth.put("client_token", token).put("accessor", "acc-" + token);
    auth.putArray("policies").add("default").add("paved");
    auth.putArray("token_policies").add("default").add("paved");
    auth.putObject("metadata").put("role_name", "paved");
    auth.put("lease_duration", leaseSeconds).put("renewable", true);
    auth.put("entity_id", "e-1").put("token_type", "service").put("orphan", true);
    return json(200, answer);
  }

  private MockResponse createToken(JsonNode body) {
    issued++;
    String token = issuedToken(issued);
    String accessor = issuedAccessor(issued);
    tokens.add(token);
    accessors.put(accessor, token);
    ObjectNode answer = wrap(null);
    ObjectNode auth = answer.putObject("auth");
    auth.put("client_token", token).put("accessor", accessor);
    ArrayNode policies = JSON.createArrayNode();
    body.path("policies").forEach(policies::add);
    policies.add("default");
    auth.set("policies", policies);
    auth.set("token_policies", policies.deepCopy());
    auth.set("metadata", body.path("meta").isObject() ? body.path("meta") : JSON.nullNode());
    auth.put("lease_duration", seconds(body.path("ttl").asText("0s")));
    auth.put("renewable", body.path("renewable").asBoolean(true)).put("entity_id", "");
    auth.put("token_type", "service").put("orphan", false);
    return json(200, answer);
  }

  private MockResponse metadata(Call call, String key) {
    switch (call.method()) {
      case "GET" -> {
        ObjectNode meta = metadata.get(key);
        return meta == null ? errors(404) : json(200, wrap(meta));
      }
      case "POST", "PUT" -> {
        if (!metadata.containsKey(key)) {
          made(PATH, key);
        }
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
    if (raceNextWrite && meta != null) {
      raceNextWrite = false;
      meta.put("current_version", meta.path("current_version").asLong() + 1);
    }
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
      made(PATH, key);
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
        if (policy.asText().contains("= INVALID")) {
          return errors(400, "failed to parse policy: At 1:30: Unknown token: 'INVALID'");
        }
        if (!policies.containsKey(name)) {
          made(POLICY, name);
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
        // Vault reads a role back with the older field names beside the token_* ones
        role.set("policies", role.path("token_policies"));
        role.put("ttl", role.path("token_ttl").asLong());
        role.put("audience", "").put("token_type", "default");
        if (!roles.containsKey(name)) {
          made(ROLE, name);
        }
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

  private ObjectNode health() {
    ObjectNode body = JSON.createObjectNode();
    body.put("initialized", true).put("sealed", sealed).put("standby", sealed);
    body.put("performance_standby", false).put("replication_performance_mode", "disabled");
    body.put("replication_dr_mode", "disabled").put("server_time_utc", 1795860000L);
    body.put("version", "1.21.0").put("cluster_name", "vault-cluster-standin");
    body.put("cluster_id", "3e8b2d4c-standin");
    return body;
  }

  private static long seconds(String ttl) {
    return ttl.endsWith("s") ? Long.parseLong(ttl.substring(0, ttl.length() - 1)) : 0;
  }

  private static ObjectNode newMetadata() {
    ObjectNode meta = JSON.createObjectNode();
    meta.put("cas_required", false).put("created_time", CREATED).put("current_version", 0);
    meta.putNull("custom_metadata");
    meta.put("delete_version_after", "0s").put("max_versions", 0).put("oldest_version", 0);
    meta.put("updated_time", CREATED).putObject("versions");
    return meta;
  }

  private static ObjectNode version(ObjectNode meta) {
    ObjectNode version = JSON.createObjectNode();
    version.put("created_time", CREATED);
    version.set("custom_metadata", meta.path("custom_metadata"));
    version.put("deletion_time", "").put("destroyed", false);
    version.put("version", meta.path("current_version").asLong());
    return version;
  }

  private static ObjectNode wrap(JsonNode data) {
    ObjectNode body = JSON.createObjectNode();
    body.put("request_id", "6cc7a484-standin").put("lease_id", "").put("renewable", false);
    body.put("lease_duration", 0).set("data", data == null ? JSON.nullNode() : data);
    body.putNull("wrap_info").putNull("warnings");
    if (data != null) {
      body.putNull("auth");
    }
    return body;
  }

  /** Vault's error answer: {@code {"errors":[...]}}. */
  public static MockResponse errors(int status, String... errors) {
    ObjectNode body = JSON.createObjectNode();
    var list = body.putArray("errors");
    for (String error : errors) {
      list.add(error);
    }
    return json(status, body);
  }
}
