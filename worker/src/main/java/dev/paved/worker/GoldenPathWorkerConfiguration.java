package dev.paved.worker;

import dev.paved.activities.catalogfile.CatalogFileActivitiesImpl;
import dev.paved.activities.dashboard.DashboardActivitiesImpl;
import dev.paved.activities.dashboard.DashboardProvider;
import dev.paved.activities.debug.DebugActivitiesImpl;
import dev.paved.activities.fetch.FetchActivitiesImpl;
import dev.paved.activities.filesystem.FilesystemActivitiesImpl;
import dev.paved.activities.infrastructure.InfrastructureActivitiesImpl;
import dev.paved.activities.manifests.ManifestActivitiesImpl;
import dev.paved.activities.pullrequest.PullRequestActivitiesImpl;
import dev.paved.activities.pullrequest.PullRequestHost;
import dev.paved.activities.render.RenderActivitiesImpl;
import dev.paved.activities.render.TemplateRenderer;
import dev.paved.activities.repository.RepositoryActivitiesImpl;
import dev.paved.activities.repository.RepositoryHost;
import dev.paved.activities.secrets.SecretActivitiesImpl;
import dev.paved.activities.secrets.SecretStore;
import dev.paved.activities.support.RepoUrl;
import dev.paved.activities.support.Workspaces;
import dev.paved.activities.workspace.WorkspaceActivitiesImpl;
import dev.paved.terraform.InfrastructureSynth;
import dev.paved.workflows.goldenpath.GoldenPathWorkflowImpl;
import dev.paved.workflows.steps.TaskQueues;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The golden-path worker: the workflow and every action on {@link TaskQueues#GOLDEN_PATH}. Off with
 * {@code paved.worker-enabled=false}, for an API that leaves the work to worker processes.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "paved.worker-enabled", havingValue = "true", matchIfMissing = true)
public class GoldenPathWorkerConfiguration {

  @Bean
  Worker goldenPathWorker(
      WorkerFactory factory,
      TemporalProperties temporal,
      Workspaces workspaces,
      TemplateRenderer renderer,
      RepositoryHost repositories,
      PullRequestHost pullRequests,
      RepoUrl gitopsRepository,
      DashboardProvider dashboards,
      SecretStore secrets,
      InfrastructureSynth synth) {
    Worker worker =
        factory.newWorker(
            TaskQueues.GOLDEN_PATH,
            workerOptions(
                StickyQueueTimeout.choose(
                    temporal, factory.getWorkflowClient().getWorkflowServiceStubs())));
    worker.registerWorkflowImplementationTypes(GoldenPathWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new RenderActivitiesImpl(renderer),
        new WorkspaceActivitiesImpl(workspaces),
        new FetchActivitiesImpl(workspaces, renderer),
        new DebugActivitiesImpl(workspaces),
        new FilesystemActivitiesImpl(workspaces),
        new CatalogFileActivitiesImpl(workspaces),
        new RepositoryActivitiesImpl(repositories, workspaces),
        new PullRequestActivitiesImpl(pullRequests, workspaces, gitopsRepository),
        new ManifestActivitiesImpl(workspaces),
        new DashboardActivitiesImpl(dashboards),
        new SecretActivitiesImpl(secrets),
        new InfrastructureActivitiesImpl(synth, workspaces));
    return worker;
  }

  /** {@code stickyQueueTimeout}: see {@link StickyQueueTimeout}; null for Temporal's default. */
  static WorkerOptions workerOptions(Duration stickyQueueTimeout) {
    WorkerOptions.Builder options = WorkerOptions.newBuilder();
    if (stickyQueueTimeout != null) {
      options.setStickyQueueScheduleToStartTimeout(stickyQueueTimeout);
    }
    return options.build();
  }
}
