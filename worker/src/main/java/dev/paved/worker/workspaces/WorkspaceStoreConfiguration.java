package dev.paved.worker.workspaces;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.paved.activities.support.WorkspaceSync;
import dev.paved.activities.support.Workspaces;
import dev.paved.worker.PavedProperties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With {@code paved.workspaces.store=database}: the store in Paved's database, and the {@link
 * WorkspaceSync} every golden-path step runs inside. The API process uses its own data source; a
 * worker process on its own connects with {@code PAVED_DB_URL}, {@code PAVED_DB_USER} and {@code
 * PAVED_DB_PASSWORD} and touches only the two tables of the store.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "paved.workspaces.store", havingValue = "database")
public class WorkspaceStoreConfiguration {

  private static final Logger log = LoggerFactory.getLogger(WorkspaceStoreConfiguration.class);

  @Bean
  JdbcWorkspaceStore workspaceStore(
      ObjectProvider<DataSource> dataSource,
      @Value("${paved.db.url:}") String url,
      @Value("${paved.db.user:}") String user,
      @Value("${paved.db.password:}") String password) {
    DataSource api = dataSource.getIfAvailable();
    if (api != null) {
      return new JdbcWorkspaceStore(api);
    }
    if (url.isBlank()) {
      throw new IllegalStateException(
          "PAVED_WORKSPACES_STORE=database needs PAVED_DB_URL (and PAVED_DB_USER,"
              + " PAVED_DB_PASSWORD): the worker keeps the runs' workspaces in Paved's database");
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url.strip());
    config.setUsername(user);
    config.setPassword(password);
    config.setPoolName("paved-workspaces");
    config.setMaximumPoolSize(4);
    config.setMinimumIdle(1);
    // a database that is down at start fails steps (retried), not the worker's start
    config.setInitializationFailTimeout(-1);
    HikariDataSource own = new HikariDataSource(config);
    return new JdbcWorkspaceStore(own, own::close);
  }

  @Bean
  WorkspaceSync workspaceSync(
      Workspaces workspaces, PavedProperties paved, JdbcWorkspaceStore store) {
    return new WorkspaceSync(workspaces, paved.dataDir().resolve("template-versions"), store);
  }

  /** Each worker sweeps its own copies of ended runs' workspaces, at start and every hour. */
  @Bean(destroyMethod = "shutdownNow")
  ScheduledExecutorService workspaceSweeper(WorkspaceSync sync, WorkspaceProperties properties) {
    ScheduledExecutorService sweeper =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "paved-workspace-sweeper");
              thread.setDaemon(true);
              return thread;
            });
    sweeper.scheduleWithFixedDelay(
        () -> {
          try {
            int swept = sync.sweep(properties.sweepAfter());
            if (swept > 0) {
              log.info("Swept {} workspace(s) of runs that ended on other workers", swept);
            }
          } catch (RuntimeException e) {
            log.warn("Workspace sweep failed, tried again in an hour: {}", e.getMessage());
          }
        },
        1,
        60,
        TimeUnit.MINUTES);
    return sweeper;
  }
}
