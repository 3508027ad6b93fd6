package dev.paved.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The environment variable names docs/operations.md gives reach {@code paved.temporal.*}. */
class TemporalPropertiesTest {

  @Test
  void bindsTheDocumentedEnvironmentVariables() {
    TemporalProperties temporal =
        bind(
            Map.of(
                "PAVED_TEMPORAL_TARGET", "temporal.example.com:7233",
                "PAVED_TEMPORAL_NAMESPACE", "platform",
                "PAVED_TEMPORAL_TLS_CERT", "/run/secrets/client.pem",
                "PAVED_TEMPORAL_TLS_KEY", "/run/secrets/client.key",
                "PAVED_TEMPORAL_TLS_CA", "/run/secrets/ca.pem",
                "PAVED_TEMPORAL_TLS_SERVER_NAME", "temporal.internal"));

    assertThat(temporal.embedded()).isFalse();
    assertThat(temporal.target()).isEqualTo("temporal.example.com:7233");
    assertThat(temporal.namespace()).isEqualTo("platform");
    assertThat(temporal.tls())
        .isEqualTo(
            new TemporalProperties.Tls(
                "/run/secrets/client.pem",
                "/run/secrets/client.key",
                "/run/secrets/ca.pem",
                "temporal.internal"));
    assertThat(temporal.tls().mutual()).isTrue();
  }

  @Test
  void nothingSetMeansEmbeddedWithoutTls() {
    TemporalProperties temporal = bind(Map.of("PAVED_TEMPORAL_TLS_CERT", ""));

    assertThat(temporal.embedded()).isTrue();
    assertThat(temporal.port()).isEqualTo(7233);
    assertThat(temporal.namespace()).isEqualTo("default");
    assertThat(temporal.tls().enabled()).isFalse();
  }

  private static TemporalProperties bind(Map<String, Object> variables) {
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
    environment
        .getPropertySources()
        .remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
    environment
        .getPropertySources()
        .addFirst(
            new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
    ConfigurationPropertySources.attach(environment);
    return Binder.get(environment).bindOrCreate("paved.temporal", TemporalProperties.class);
  }
}
