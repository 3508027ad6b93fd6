package dev.paved.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.activities.dashboard.DashboardProvider;
import dev.paved.activities.dashboard.GrafanaDashboardProvider;
import dev.paved.activities.dashboard.LocalDashboardProvider;
import dev.paved.activities.render.RenderLimits;
import dev.paved.activities.render.TemplateRenderer;
import dev.paved.activities.secrets.LocalSecretStore;
import dev.paved.activities.secrets.SecretStore;
import dev.paved.activities.secrets.VaultSecretStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Which secret store and dashboard provider the configuration picks, from environment names. */
class ProvidersConfigurationTest {

  @TempDir Path data;

  ApplicationContextRunner runner(Map<String, Object> environment) {
    return ProviderContexts.withEnvironment(data, environment, ProvidersConfiguration.class);
  }

  @Test
  void withoutVaultOrGrafanaTheLocalProvidersStay() {
    runner(Map.of())
        .run(
            context -> {
              assertThat(context.getBean(SecretStore.class)).isInstanceOf(LocalSecretStore.class);
              assertThat(context.getBean(DashboardProvider.class))
                  .isInstanceOf(LocalDashboardProvider.class);
            });
  }

  @Test
  void renderLimitsComeFromPavedRenderWithSafeDefaults() {
    runner(Map.of())
        .run(
            context ->
                assertThat(context.getBean(TemplateRenderer.class).limits())
                    .isEqualTo(RenderLimits.defaults()));
    runner(
            Map.of(
                "PAVED_RENDER_LOOP_ITERATIONS", "500",
                "PAVED_RENDER_OUTPUT_SIZE", "2MB",
                "PAVED_RENDER_TIMEOUT", "2s"))
        .run(
            context -> {
              RenderLimits limits = context.getBean(TemplateRenderer.class).limits();
              assertThat(limits.loopIterations()).isEqualTo(500);
              assertThat(limits.outputChars()).isEqualTo(2L * 1024 * 1024);
              assertThat(limits.renderTimeout()).isEqualTo(Duration.ofSeconds(2));
              assertThat(limits.runLoopIterations())
                  .isEqualTo(RenderLimits.defaults().runLoopIterations());
            });
  }

  @Test
  void vaultWithAppRoleAndGrafanaFromTheirEnvironmentNames() {
    runner(
            Map.of(
                "PAVED_VAULT_ADDR", "http://127.0.0.1:8200",
                "PAVED_VAULT_ROLE_ID", "role",
                "PAVED_VAULT_SECRET_ID", "secret-id",
                "PAVED_VAULT_KV_MOUNT", "kv",
                "PAVED_GRAFANA_URL", "http://127.0.0.1:3000",
                "PAVED_GRAFANA_TOKEN", "glsa_x"))
        .run(
            context -> {
              SecretStore store = context.getBean(SecretStore.class);
              assertThat(store).isInstanceOf(VaultSecretStore.class);
              assertThat(store.defaultMount()).isEqualTo("kv");
              assertThat(context.getBean(DashboardProvider.class))
                  .isInstanceOf(GrafanaDashboardProvider.class);
              VaultProperties vault = context.getBean(VaultProperties.class);
              assertThat(vault.roleId()).isEqualTo("role");
              assertThat(vault.toString()).doesNotContain("secret-id");
              assertThat(context.getBean(GrafanaProperties.class).toString())
                  .doesNotContain("glsa_x");
            });
  }

  @Test
  void vaultWithATokenFromProperties() {
    runner(Map.of())
        .withPropertyValues("paved.vault.addr=http://127.0.0.1:8200", "paved.vault.token=hvs.x")
        .run(
            context -> {
              SecretStore store = context.getBean(SecretStore.class);
              assertThat(store).isInstanceOf(VaultSecretStore.class);
              assertThat(store.defaultMount()).isEqualTo("secret");
            });
  }

  @Test
  void anAddressWithoutCredentialsStopsTheStartWithTheKeysToSet() {
    runner(Map.of("PAVED_VAULT_ADDR", "http://127.0.0.1:8200", "PAVED_VAULT_ROLE_ID", "r"))
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("PAVED_VAULT_SECRET_ID"));
    runner(Map.of("PAVED_GRAFANA_URL", "http://127.0.0.1:3000"))
        .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("token"));
  }
}
