package dev.paved.api.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.activities.dashboard.DashboardProvider;
import dev.paved.activities.dashboard.GrafanaDashboardProvider;
import dev.paved.activities.dashboard.GrafanaSettings;
import dev.paved.activities.secrets.SecretStore;
import dev.paved.activities.secrets.VaultSecretStore;
import dev.paved.activities.secrets.VaultSettings;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The "vault" and "grafana" health components: present only when configured, down when sealed. */
class HealthIndicatorsTest {

  MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  ApplicationContextRunner runner() {
    String address = server.url("/").toString().replaceAll("/$", "");
    return new ApplicationContextRunner()
        .withBean(
            SecretStore.class,
            () -> new VaultSecretStore(VaultSettings.withToken(address, "hvs.t")))
        .withBean(
            DashboardProvider.class,
            () -> new GrafanaDashboardProvider(new GrafanaSettings(address, "glsa_t")))
        .withUserConfiguration(VaultHealthIndicator.class, GrafanaHealthIndicator.class);
  }

  @Test
  void absentUnlessConfigured() {
    runner()
        .run(
            context -> {
              assertThat(context).doesNotHaveBean("vault");
              assertThat(context).doesNotHaveBean("grafana");
            });
  }

  @Test
  void vaultIsUpWhenUnsealedAndDownWhenSealed() {
    server.enqueue(json(200, "{\"initialized\":true,\"sealed\":false,\"standby\":false}"));
    server.enqueue(json(503, "{\"initialized\":true,\"sealed\":true,\"standby\":true}"));

    runner()
        .withPropertyValues("paved.vault.addr=" + server.url("/"))
        .run(
            context -> {
              HealthIndicator vault = context.getBean("vault", HealthIndicator.class);
              Health up = vault.health();
              Health sealed = vault.health();
              assertThat(up.getStatus()).isEqualTo(Status.UP);
              assertThat(sealed.getStatus()).isEqualTo(Status.DOWN);
              assertThat(sealed.getDetails()).containsEntry("sealed", true);
            });
    RecordedRequest request = takeRequest();
    assertThat(request.getMethod() + " " + request.getTarget()).isEqualTo("GET /v1/sys/health");
  }

  @Test
  void grafanaIsUpWhenItAnswersAndDownOtherwise() {
    server.enqueue(json(200, "{\"commit\":\"abc\",\"database\":\"ok\",\"version\":\"11.3.0\"}"));
    server.enqueue(json(503, "{\"database\":\"failing\"}"));

    runner()
        .withPropertyValues("paved.grafana.url=" + server.url("/"))
        .run(
            context -> {
              HealthIndicator grafana = context.getBean("grafana", HealthIndicator.class);
              assertThat(grafana.health().getStatus()).isEqualTo(Status.UP);
              assertThat(grafana.health().getStatus()).isEqualTo(Status.DOWN);
              assertThat(context).doesNotHaveBean("vault");
            });
    RecordedRequest request = takeRequest();
    assertThat(request.getMethod() + " " + request.getTarget()).isEqualTo("GET /api/health");
  }

  private RecordedRequest takeRequest() {
    try {
      return server.takeRequest();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }
}
