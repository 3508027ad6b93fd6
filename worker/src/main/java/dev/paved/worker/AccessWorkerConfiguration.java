package dev.paved.worker;

import dev.paved.activities.access.GrantActivitiesImpl;
import dev.paved.activities.access.GrantProvider;
import dev.paved.activities.access.LocalGrantProvider;
import dev.paved.activities.access.VaultGrantProvider;
import dev.paved.activities.access.VaultGrantSettings;
import dev.paved.workflows.access.AccessRequestWorkflowImpl;
import dev.paved.workflows.steps.TaskQueues;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The production-access worker: {@code AccessRequestWorkflow} and its grants on {@link
 * TaskQueues#ACCESS}, with the grant provider {@code paved.access.grants.provider} names. Runs
 * wherever the golden-path worker runs (off with {@code paved.worker-enabled=false}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GrantProperties.class)
@ConditionalOnProperty(name = "paved.worker-enabled", havingValue = "true", matchIfMissing = true)
public class AccessWorkerConfiguration {

  private static final Logger log = LoggerFactory.getLogger(AccessWorkerConfiguration.class);

  @Bean
  GrantProvider grantProvider(GrantProperties grants, PavedProperties paved) {
    return switch (grants.provider()) {
      case "local" -> new LocalGrantProvider(paved.dataDir().resolve("access-grants"));
      case "vault" -> vault(grants.vault());
      default ->
          throw new IllegalStateException(
              "paved.access.grants.provider (PAVED_ACCESS_GRANTS_PROVIDER) must be 'local' or"
                  + " 'vault', not '"
                  + grants.provider()
                  + "'");
    };
  }

  private static GrantProvider vault(GrantProperties.Vault vault) {
    if (isBlank(vault.address()) || isBlank(vault.token())) {
      throw new IllegalStateException(
          "the Vault grant provider needs PAVED_ACCESS_GRANTS_VAULT_ADDRESS and"
              + " PAVED_ACCESS_GRANTS_VAULT_TOKEN");
    }
    log.info("Production access is granted as Vault tokens at {}", vault.address());
    return new VaultGrantProvider(
        new VaultGrantSettings(
            vault.address(),
            vault.token(),
            vault.tokenRole(),
            vault.policyTemplate(),
            vault.credentialsMount(),
            vault.credentialsPrefix()));
  }

  @Bean
  Worker accessWorker(
      WorkerFactory factory,
      TemporalProperties temporal,
      WorkerTuning tuning,
      GrantProvider grants) {
    Worker worker =
        factory.newWorker(
            TaskQueues.ACCESS,
            tuning.options(
                StickyQueueTimeout.choose(
                    temporal, factory.getWorkflowClient().getWorkflowServiceStubs())));
    worker.registerWorkflowImplementationTypes(AccessRequestWorkflowImpl.class);
    worker.registerActivitiesImplementations(new GrantActivitiesImpl(grants));
    return worker;
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
