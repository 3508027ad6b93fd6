package dev.paved.worker;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Contexts of provider configurations that see environment variables as the process would. */
public final class ProviderContexts {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(PavedProperties.class)
  static class Paved {}

  private ProviderContexts() {}

  /** A context of {@code configurations} with these environment variables and data folder. */
  public static ApplicationContextRunner withEnvironment(
      Path data, Map<String, Object> environment, Class<?>... configurations) {
    return new ApplicationContextRunner()
        .withUserConfiguration(Paved.class)
        .withUserConfiguration(configurations)
        .withPropertyValues("paved.data-dir=" + data)
        .withInitializer(
            context ->
                context
                    .getEnvironment()
                    .getPropertySources()
                    .addFirst(
                        new SystemEnvironmentPropertySource(
                            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                            environment)));
  }
}
