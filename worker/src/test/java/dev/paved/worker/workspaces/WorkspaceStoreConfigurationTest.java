package dev.paved.worker.workspaces;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.activities.support.WorkspaceSync;
import dev.paved.worker.ProviderContexts;
import dev.paved.worker.ProvidersConfiguration;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Which store a worker keeps workspaces in, from its environment, and what it refuses. */
class WorkspaceStoreConfigurationTest {

  @TempDir Path data;

  ApplicationContextRunner runner(Map<String, Object> environment) {
    return ProviderContexts.withEnvironment(
        data, environment, ProvidersConfiguration.class, WorkspaceStoreConfiguration.class);
  }

  @Test
  void byDefaultTheWorkspaceFolderIsTheOnlyCopy() {
    runner(Map.of())
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(WorkspaceSync.class);
            });
  }

  @Test
  void theDatabaseStoreFromTheEnvironment() {
    runner(
            Map.of(
                "PAVED_WORKSPACES_STORE", "database",
                "PAVED_DB_URL", "jdbc:postgresql://127.0.0.1:5432/paved",
                "PAVED_DB_USER", "paved"))
        .run(
            context -> {
              assertThat(context).hasSingleBean(WorkspaceSync.class);
              assertThat(context).hasSingleBean(JdbcWorkspaceStore.class);
            });
  }

  @Test
  void theDatabaseStoreWithoutADatabaseStopsTheStartSayingWhatToSet() {
    runner(Map.of("PAVED_WORKSPACES_STORE", "database"))
        .run(
            context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("PAVED_DB_URL"));
  }

  @Test
  void anUnknownStoreStopsTheStart() {
    runner(Map.of("PAVED_WORKSPACES_STORE", "s3"))
        .run(
            context ->
                assertThat(context).getFailure().hasStackTraceContaining("paved.workspaces.store"));
  }
}
