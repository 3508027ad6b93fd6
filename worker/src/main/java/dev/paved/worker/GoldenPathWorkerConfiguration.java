package dev.paved.worker;

import dev.paved.activities.actions.ActionContext;
import dev.paved.activities.actions.Actions;
import dev.paved.activities.dashboard.DashboardProvider;
import dev.paved.activities.pullrequest.PullRequestHost;
import dev.paved.activities.render.RenderActivitiesImpl;
import dev.paved.activities.render.TemplateRenderer;
import dev.paved.activities.repository.RepositoryHost;
import dev.paved.activities.secrets.SecretStore;
import dev.paved.activities.support.RepoUrl;
import dev.paved.activities.support.WorkspaceSync;
import dev.paved.activities.support.Workspaces;
import dev.paved.activities.workspace.WorkspaceActivitiesImpl;
import dev.paved.terraform.InfrastructureSynth;
import dev.paved.workflows.goldenpath.GoldenPathWorkflowImpl;
import dev.paved.workflows.steps.TaskQueues;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
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
      WorkerTuning tuning,
      Workspaces workspaces,
      TemplateRenderer renderer,
      RepositoryHost repositories,
      PullRequestHost pullRequests,
      RepoUrl gitopsRepository,
      DashboardProvider dashboards,
      SecretStore secrets,
      InfrastructureSynth synth,
      ObjectProvider<WorkspaceSync> sync) {
    Worker worker =
        factory.newWorker(
            TaskQueues.GOLDEN_PATH,
            tuning.options(
                StickyQueueTimeout.choose(
                    temporal, factory.getWorkflowClient().getWorkflowServiceStubs())));
    worker.registerWorkflowImplementationTypes(GoldenPathWorkflowImpl.class);
    ActionContext context =
        new ActionContext(
            workspaces,
            renderer,
            repositories,
            pullRequests,
            gitopsRepository,
            dashboards,
            secrets,
            synth);
    worker.registerActivitiesImplementations(activities(context, sync.getIfAvailable()).toArray());
    return worker;
  }

  /**
   * Everything a golden-path worker serves: Paved's own rendering and workspace clean-up, then each
   * declared action's implementation ({@link Actions}).
   */
  static List<Object> activities(ActionContext context, WorkspaceSync sync) {
    List<Object> activities = new ArrayList<>();
    activities.add(new RenderActivitiesImpl(context.renderer()));
    activities.add(new WorkspaceActivitiesImpl(context.workspaces(), sync));
    activities.addAll(Actions.implementations(Actions.ALL, context));
    return activities;
  }
}
