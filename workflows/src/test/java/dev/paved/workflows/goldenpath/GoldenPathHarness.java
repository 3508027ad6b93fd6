package dev.paved.workflows.goldenpath;

import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.RETURNS_DEFAULTS;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import dev.paved.workflows.TemporalHarness;
import dev.paved.workflows.actions.CatalogActivities;
import dev.paved.workflows.actions.DashboardActivities;
import dev.paved.workflows.actions.FetchActivities;
import dev.paved.workflows.actions.ManifestActivities;
import dev.paved.workflows.actions.RenderActivities;
import dev.paved.workflows.actions.RepositoryActivities;
import dev.paved.workflows.actions.SecretActivities;
import dev.paved.workflows.actions.WorkspaceActivities;
import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.ActionResult;
import dev.paved.workflows.steps.AttemptInterceptor;
import dev.paved.workflows.steps.RenderRequest;
import dev.paved.workflows.steps.StepPlan;
import dev.paved.workflows.steps.TaskQueues;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import io.temporal.worker.WorkflowImplementationOptions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.mockito.ArgumentCaptor;
import org.mockito.Mockito;
import org.mockito.stubbing.Answer;

/**
 * A time-skipping Temporal test environment with the golden-path worker and the API's worker, each
 * holding mocks of the activities its queue serves. Attempt numbers come from the real {@link
 * AttemptInterceptor}.
 */
final class GoldenPathHarness extends TemporalHarness {

  /** Unstubbed actions succeed with no output, so a test stubs only what it is about. */
  private static final Answer<Object> SUCCEED =
      invocation ->
          invocation.getMethod().getReturnType() == ActionResult.class
              ? ActionResult.of(Map.of())
              : RETURNS_DEFAULTS.answer(invocation);

  final RenderActivities render = activity(RenderActivities.class);
  final WorkspaceActivities workspace = activity(WorkspaceActivities.class);
  final RunRecorder recorder = activity(RunRecorder.class);
  final FetchActivities fetch = activity(FetchActivities.class);
  final RepositoryActivities repository = activity(RepositoryActivities.class);
  final DashboardActivities dashboard = activity(DashboardActivities.class);
  final SecretActivities secrets = activity(SecretActivities.class);
  final ManifestActivities manifests = activity(ManifestActivities.class);
  final CatalogActivities catalog = activity(CatalogActivities.class);

  GoldenPathHarness() {
    this(GoldenPathWorkflowImpl.class);
  }

  GoldenPathHarness(Class<? extends GoldenPathWorkflow> workflowImplementation) {
    this(workflowImplementation, true);
  }

  /**
   * With {@code failOnBugs}, a bug in workflow code fails the run (and the test) at once instead of
   * retrying the task; without it, an update validator's refusal keeps its type (with it, the SDK
   * reports every refusal as a {@code WorkflowExecutionException}).
   */
  GoldenPathHarness(
      Class<? extends GoldenPathWorkflow> workflowImplementation, boolean failOnBugs) {
    super(
        TestEnvironmentOptions.newBuilder()
            .setWorkerFactoryOptions(
                WorkerFactoryOptions.newBuilder()
                    .setWorkerInterceptors(new AttemptInterceptor())
                    .build()));
    // On a loaded machine loading classes in a workflow thread can take over the deadlock
    // detector's default second; the harness fails the run on any exception, so give it longer.
    WorkerOptions options =
        WorkerOptions.newBuilder().setDefaultDeadlockDetectionTimeout(15_000).build();
    Worker goldenPath = env.newWorker(TaskQueues.GOLDEN_PATH, options);
    goldenPath.registerWorkflowImplementationTypes(
        failOnBugs
            ? WorkflowImplementationOptions.newBuilder()
                .setFailWorkflowExceptionTypes(Throwable.class)
                .build()
            : WorkflowImplementationOptions.getDefaultInstance(),
        workflowImplementation);
    goldenPath.registerActivitiesImplementations(
        render, workspace, fetch, repository, dashboard, secrets, manifests);
    env.newWorker(TaskQueues.API, options).registerActivitiesImplementations(recorder, catalog);
    when(render.renderStep(any()))
        .thenAnswer(call -> FakeRendering.step(call.getArgument(0, RenderRequest.class)));
    when(render.renderEach(any()))
        .thenAnswer(call -> FakeRendering.each(call.getArgument(0, RenderRequest.class)));
    when(render.renderOutput(any()))
        .thenAnswer(call -> FakeRendering.output(call.getArgument(0, RenderRequest.class)));
    env.start();
  }

  /**
   * Runs {@link ServiceTemplate} pausing, with a secrets step named {@code name} (over {@code each}
   * unless null) as its fourth step and the parameter {@code policy: reader}, which Vault refuses;
   * once the run pauses, {@code operator} retries it with {@code policy: read-only}. Returns how
   * the run ended.
   */
  RunProgress retryWithCorrectedPolicy(
      String name, List<String> each, String operator, ActionResult madeSecrets) {
    StepPlan secretsStep =
        new StepPlan(
            "secrets",
            "Secrets",
            "paved:vault:secrets",
            Map.of("name", name, "policy", "${{ parameters.policy }}"),
            null,
            each);
    Map<String, Object> parameters = new HashMap<>(ServiceTemplate.parameters(true));
    parameters.put("policy", "reader");
    when(secrets.vaultSecrets(any()))
        .thenAnswer(
            call -> {
              if ("reader".equals(call.getArgument(0, ActionRequest.class).input().get("policy"))) {
                throw ApplicationFailure.newNonRetryableFailure(
                    "Vault answered 400: policy 'reader' does not exist", "InvalidInput");
              }
              return madeSecrets;
            });
    WorkflowStub run =
        start(ServiceTemplate.pausing(ServiceTemplate.withStep(3, secretsStep), parameters, null));
    awaitStatus(RunStatus.NEEDS_ATTENTION);
    Map<String, Object> corrected = new HashMap<>(parameters);
    corrected.put("policy", "read-only");
    workflow().retry(new DecisionRequest(operator, corrected));
    return run.getResult(RunProgress.class);
  }

  /** The outputs of publish and secrets, which later steps of {@link ServiceTemplate} read. */
  /**
   * The secrets step counts {@code reached} down when it starts, then holds until {@code release}
   * (30 s at most) and makes its secret path.
   */
  GoldenPathHarness secretsHeldUntil(CountDownLatch reached, CountDownLatch release) {
    when(secrets.vaultSecrets(any()))
        .thenAnswer(
            call -> {
              reached.countDown();
              release.await(30, TimeUnit.SECONDS);
              return ActionResult.of(Map.of("path", "secret/team-payments/checkout"));
            });
    return this;
  }

  GoldenPathHarness withServiceOutputs() {
    when(repository.publishGithub(any()))
        .thenReturn(
            ActionResult.of(
                Map.of(
                    "remoteUrl", ServiceTemplate.REMOTE_URL,
                    "repoContentsUrl", ServiceTemplate.CONTENTS_URL)));
    when(secrets.vaultSecrets(any()))
        .thenReturn(ActionResult.of(Map.of("path", "secret/team-payments/checkout")));
    return this;
  }

  private static <T> T activity(Class<T> type) {
    return mock(type, withSettings().withoutAnnotations().defaultAnswer(SUCCEED));
  }

  /** Starts the run and waits for its result. */
  RunProgress run(RunInput input) {
    return newWorkflow().run(input);
  }

  /** Starts the run without waiting; the stub can then cancel it or wait for it. */
  WorkflowStub start(RunInput input) {
    GoldenPathWorkflow workflow = newWorkflow();
    WorkflowClient.start(workflow::run, input);
    return WorkflowStub.fromTyped(workflow);
  }

  private GoldenPathWorkflow newWorkflow() {
    return client()
        .newWorkflowStub(
            GoldenPathWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(ServiceTemplate.WORKFLOW_ID)
                .setTaskQueue(TaskQueues.GOLDEN_PATH)
                .build());
  }

  /** The run's workflow by its id, for updates and queries. */
  GoldenPathWorkflow workflow() {
    return client().newWorkflowStub(GoldenPathWorkflow.class, ServiceTemplate.WORKFLOW_ID);
  }

  /**
   * Waits until the run shows the status (a bound on waiting, not an assertion on speed). Time does
   * not skip meanwhile: only a client waiting for the result lets it.
   */
  RunProgress awaitStatus(RunStatus status) {
    return awaitProgress(status.name(), progress -> progress.status() == status);
  }

  RunProgress awaitProgress(String what, Predicate<RunProgress> reached) {
    return await("the run reaching " + what)
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(20))
        .until(this::progress, progress -> progress != null && reached.test(progress));
  }

  /** The progress query, asked of the (finished) run. */
  RunProgress progress() {
    return client()
        .newWorkflowStub(GoldenPathWorkflow.class, ServiceTemplate.WORKFLOW_ID)
        .progress();
  }

  /** Every snapshot the run recorder received, oldest first. */
  List<RunProgress> recorded() {
    ArgumentCaptor<RunProgress> snapshots = ArgumentCaptor.forClass(RunProgress.class);
    verify(recorder, atLeastOnce()).recordRun(snapshots.capture());
    return snapshots.getAllValues();
  }

  /**
   * Waits until the last progress the run recorded is {@code expected}: recording is an activity,
   * so it can trail the state a query already shows.
   */
  void awaitRecorded(RunProgress expected) {
    await("the run recording " + expected.status())
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(20))
        .until(this::lastRecorded, expected::equals);
  }

  private RunProgress lastRecorded() {
    List<RunProgress> recorded =
        Mockito.mockingDetails(recorder).getInvocations().stream()
            .filter(call -> call.getMethod().getName().equals("recordRun"))
            .map(call -> (RunProgress) call.getArgument(0))
            .toList();
    return recorded.isEmpty() ? null : recorded.get(recorded.size() - 1);
  }

  /** Every render request the run made, oldest first. */
  List<RenderRequest> renderRequests() {
    ArgumentCaptor<RenderRequest> requests = ArgumentCaptor.forClass(RenderRequest.class);
    verify(render, atLeastOnce()).renderStep(requests.capture());
    return requests.getAllValues();
  }

  WorkflowExecutionHistory history() {
    return client().fetchHistory(ServiceTemplate.WORKFLOW_ID);
  }
}
