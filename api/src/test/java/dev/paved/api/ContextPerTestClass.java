package dev.paved.api;

import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Gives each end-to-end test class an application context of its own, and so (through {@link
 * EndToEndTest}'s property source) its own data folder, H2 database and template repository: no
 * class sees what another made, whatever order the classes run in. The customizer changes nothing
 * in the context; being equal only for the same class, it keeps Spring from sharing cached contexts
 * between classes. {@code spring.test.context.cache.maxSize} keeps few of them alive at once.
 */
final class ContextPerTestClass implements ContextCustomizerFactory {

  @Override
  public ContextCustomizer createContextCustomizer(
      Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
    return new OwnContext(testClass);
  }

  private record OwnContext(Class<?> testClass) implements ContextCustomizer {
    @Override
    public void customizeContext(
        ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {}
  }
}
