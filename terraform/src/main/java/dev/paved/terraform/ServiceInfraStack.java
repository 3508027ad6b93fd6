package dev.paved.terraform;

import com.hashicorp.cdktf.LocalBackend;
import com.hashicorp.cdktf.LocalBackendConfig;
import com.hashicorp.cdktf.TerraformDataSource;
import com.hashicorp.cdktf.TerraformElement;
import com.hashicorp.cdktf.TerraformResource;
import com.hashicorp.cdktf.TerraformResourceConfig;
import com.hashicorp.cdktf.TerraformStack;
import java.util.LinkedHashMap;
import java.util.Map;
import software.constructs.Construct;

/** One service's stack: its namespace and quota, and optionally its database wired to Vault. */
final class ServiceInfraStack extends TerraformStack {

  static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  static final String OWNER_LABEL = "paved.dev/owner";
  static final String ENVIRONMENT_LABEL = "paved.dev/environment";
  static final String STATE_FILE = "terraform.tfstate";

  ServiceInfraStack(Construct scope, ServiceStack spec) {
    super(scope, spec.name());
    // Local state next to the stack (a relative path, so the file does not depend on the machine
    // that made it). A remote backend (s3, gcs, remote) is the next configuration knob.
    new LocalBackend(this, LocalBackendConfig.builder().path(STATE_FILE).build());
    addOverride("terraform.required_version", ">= 1.5.0");
    PinnedProvider.kubernetes(this);
    namespace(spec);
    quota(spec);
    if (spec.database()) {
      PinnedProvider.vault(this);
      PinnedProvider.postgresql(this);
      database(spec);
    }
  }

  private void namespace(ServiceStack spec) {
    Map<String, Object> labels = new LinkedHashMap<>();
    labels.put("app.kubernetes.io/name", spec.name());
    labels.put(MANAGED_BY, "paved");
    labels.put(OWNER_LABEL, spec.owner());
    labels.put(ENVIRONMENT_LABEL, spec.environment());
    labels.put("backstage.io/kubernetes-id", spec.name());
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", spec.name());
    metadata.put("labels", labels);
    metadata.put("annotations", Map.of(ServiceStack.SERVICE_KEY_ANNOTATION, spec.serviceKey()));
    set(resource("kubernetes_namespace_v1", "namespace"), "metadata", metadata);
  }

  private void quota(ServiceStack spec) {
    // Generous defaults for one service; a team raises them through its own change.
    Map<String, Object> hard = new LinkedHashMap<>();
    hard.put("requests.cpu", "2");
    hard.put("requests.memory", "4Gi");
    hard.put("limits.cpu", "4");
    hard.put("limits.memory", "8Gi");
    hard.put("pods", "20");
    TerraformResource quota = resource("kubernetes_resource_quota_v1", "quota");
    set(
        quota,
        "metadata",
        Map.of(
            "name",
            spec.name() + "-quota",
            "namespace",
            "${kubernetes_namespace_v1.namespace.metadata[0].name}"));
    set(quota, "spec", Map.of("hard", hard));
  }

  private void database(ServiceStack spec) {
    String path = spec.secretPath();
    int slash = path.indexOf('/');
    TerraformDataSource secret =
        new TerraformDataSource(this, "database_secret", config("vault_kv_secret_v2"));
    secret.overrideLogicalId("database_secret");
    set(secret, "mount", path.substring(0, slash));
    set(secret, "name", path.substring(slash + 1));

    TerraformResource role = resource("postgresql_role", "database_role");
    set(role, "name", spec.databaseName());
    set(role, "login", true);
    set(
        role,
        "password",
        "${data.vault_kv_secret_v2.database_secret.data[\"" + ServiceStack.PASSWORD_KEY + "\"]}");

    TerraformResource database = resource("postgresql_database", "database");
    set(database, "name", spec.databaseName());
    set(database, "owner", "${postgresql_role.database_role.name}");
  }

  private TerraformResource resource(String type, String name) {
    TerraformResource resource = new TerraformResource(this, name, config(type));
    // Stable, readable addresses (type.name) instead of CDKTF's hashed logical ids.
    resource.overrideLogicalId(name);
    return resource;
  }

  private static TerraformResourceConfig config(String type) {
    return TerraformResourceConfig.builder().terraformResourceType(type).build();
  }

  private static void set(TerraformElement element, String attribute, Object value) {
    element.addOverride(attribute, value);
  }
}
