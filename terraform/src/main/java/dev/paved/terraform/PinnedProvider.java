package dev.paved.terraform;

import com.hashicorp.cdktf.TerraformProvider;
import com.hashicorp.cdktf.TerraformProviderConfig;
import com.hashicorp.cdktf.TerraformProviderGeneratorMetadata;
import software.constructs.Construct;

/**
 * A provider declared by its registry source and version constraint. CDKTF ships no Java bindings
 * for the providers Paved uses, so this subclass stands in for all of them; its settings are left
 * to the environment of the pipeline that applies the stack (KUBE_CONFIG_PATH, VAULT_ADDR,
 * PGHOST...), so the stack holds no credentials.
 */
final class PinnedProvider extends TerraformProvider {

  static final String KUBERNETES_VERSION = "~> 2.36";
  static final String VAULT_VERSION = "~> 4.8";
  static final String POSTGRESQL_VERSION = "~> 1.25";

  private PinnedProvider(Construct scope, String type, String source, String version) {
    super(
        scope,
        type,
        TerraformProviderConfig.builder()
            .terraformResourceType(type)
            .terraformProviderSource(source)
            .terraformGeneratorMetadata(
                TerraformProviderGeneratorMetadata.builder()
                    .providerName(type)
                    .providerVersionConstraint(version)
                    .build())
            .build());
  }

  static PinnedProvider kubernetes(Construct scope) {
    return new PinnedProvider(scope, "kubernetes", "hashicorp/kubernetes", KUBERNETES_VERSION);
  }

  static PinnedProvider vault(Construct scope) {
    return new PinnedProvider(scope, "vault", "hashicorp/vault", VAULT_VERSION);
  }

  static PinnedProvider postgresql(Construct scope) {
    return new PinnedProvider(scope, "postgresql", "cyrilgdn/postgresql", POSTGRESQL_VERSION);
  }
}
