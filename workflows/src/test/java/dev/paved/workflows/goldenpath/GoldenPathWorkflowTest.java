package dev.paved.workflows.goldenpath;

import static dev.paved.workflows.goldenpath.ServiceTemplate.CONTENTS_URL;
import static dev.paved.workflows.goldenpath.ServiceTemplate.REMOTE_URL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.ActionResult;
import dev.paved.workflows.steps.RenderRequest;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

/** A golden path that succeeds: order, rendering, skipped steps, retries, progress and records. */
@Timeout(value = 60, unit = TimeUnit.SECONDS) // a guard against a hung run, not a timed assertion
class GoldenPathWorkflowTest {

  private GoldenPathHarness harness;

  @BeforeEach
  void startEnvironment() {
    harness = new GoldenPathHarness().withServiceOutputs();
    when(harness.catalog.catalogRegister(any()))
        .thenReturn(ActionResult.of(Map.of("entityRef", "component:default/checkout")));
  }

  @AfterEach
  void stopEnvironment() {
    harness.close();
  }

  @Test
  void runsEveryStepInTemplateOrderWithItsRenderedInput() {
    RunProgress result = harness.run(ServiceTemplate.run(true));

    assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(result.failedStep()).isNull();
    InOrder order =
        inOrder(
            harness.fetch,
            harness.repository,
            harness.dashboard,
            harness.secrets,
            harness.manifests,
            harness.catalog,
            harness.workspace);
    ActionRequest fetch = captured(order, "fetch");
    assertThat(fetch.input())
        .isEqualTo(Map.of("url", "./skeleton", "values", Map.of("name", "checkout")));
    assertThat(fetch)
        .extracting(
            ActionRequest::runId,
            ActionRequest::serviceKey,
            ActionRequest::action,
            ActionRequest::templateLocation,
            ActionRequest::requestedBy)
        .containsExactly(
            ServiceTemplate.RUN_ID,
            ServiceTemplate.SERVICE_KEY,
            "fetch:template",
            ServiceTemplate.LOCATION,
            ServiceTemplate.REQUESTED_BY);
    assertThat(captured(order, "publish").input())
        .isEqualTo(Map.of("repoUrl", "github.com?owner=acme&repo=checkout"));
    assertThat(captured(order, "dashboard").input())
        .isEqualTo(Map.of("name", "checkout", "owner", "team-payments"));
    assertThat(captured(order, "secrets").stepId()).isEqualTo("secrets");
    // Outputs of earlier steps reach the input of a later one.
    assertThat(captured(order, "manifests").input())
        .containsEntry("image", REMOTE_URL)
        .containsEntry("secretPath", "secret/team-payments/checkout");
    assertThat(captured(order, "register").input())
        .isEqualTo(Map.of("repoContentsUrl", CONTENTS_URL));
    order.verify(harness.workspace).deleteWorkspace(ServiceTemplate.RUN_ID);
    order.verifyNoMoreInteractions();
  }

  @Test
  void rendersEachStepWithTheOutputsBeforeItAndTheOutputAtTheEnd() {
    RunProgress result = harness.run(ServiceTemplate.run(true));

    List<RenderRequest> renders = harness.renderRequests();
    assertThat(renders)
        .extracting(r -> r.step().id())
        .containsExactly("fetch", "publish", "dashboard", "secrets", "manifests", "register");
    assertThat(renders.get(0).steps()).isEmpty();
    assertThat(renders.get(0).parameters()).containsEntry("name", "checkout");
    assertThat(renders.get(0).requestedBy()).isEqualTo(ServiceTemplate.REQUESTED_BY);
    assertThat(renders.get(4).steps())
        .containsOnlyKeys("fetch", "publish", "dashboard", "secrets")
        .containsEntry("publish", Map.of("remoteUrl", REMOTE_URL, "repoContentsUrl", CONTENTS_URL));

    ArgumentCaptor<RenderRequest> output = ArgumentCaptor.forClass(RenderRequest.class);
    verify(harness.render).renderOutput(output.capture());
    assertThat(output.getValue().step().input()).isEqualTo(ServiceTemplate.output());
    assertThat(output.getValue().steps())
        .containsEntry("register", Map.of("entityRef", "component:default/checkout"));
    assertThat(result.output()).isEqualTo(Map.of("text", "Repository: " + REMOTE_URL));
  }

  @Test
  void progressShowsEveryStepSucceededWithAttemptsTimesAndOutputs() {
    RunProgress result = harness.run(ServiceTemplate.run(true));

    RunProgress progress = harness.progress();
    assertThat(progress).isEqualTo(result);
    assertThat(progress.runId()).isEqualTo(ServiceTemplate.RUN_ID);
    assertThat(progress.template()).isEqualTo("service");
    assertThat(progress.steps())
        .extracting(StepProgress::id)
        .containsExactly("fetch", "publish", "dashboard", "secrets", "manifests", "register");
    for (StepProgress step : progress.steps()) {
      assertThat(step.status()).as(step.id()).isEqualTo(StepStatus.SUCCEEDED);
      assertThat(step.attempts()).as(step.id()).isEqualTo(1);
      assertThat(step.startedAt()).as(step.id()).isNotNull();
      assertThat(step.endedAt()).as(step.id()).isGreaterThanOrEqualTo(step.startedAt());
      assertThat(step.error()).as(step.id()).isNull();
    }
    assertThat(progress.steps().get(1).output()).containsEntry("remoteUrl", REMOTE_URL);
    assertThat(progress.steps().get(1).action()).isEqualTo("publish:github");
    assertThat(progress.steps().get(1).name()).isEqualTo("Publish");
  }

  @Test
  void recordsTheStartAndTheEndOfARunThatNeverWaits() {
    RunProgress result = harness.run(ServiceTemplate.run(true));

    List<RunProgress> recorded = harness.recorded();
    RunProgress first = recorded.get(0);
    assertThat(first.status()).isEqualTo(RunStatus.RUNNING);
    assertThat(first.steps()).extracting(StepProgress::status).containsOnly(StepStatus.PENDING);
    // The steps between cost no record: the progress query answers for them (records-at-waits).
    assertThat(recorded).hasSize(2);
    assertThat(recorded.get(1)).isEqualTo(result);
  }

  @Test
  void theProgressQueryShowsEachStepOfARunBetweenItsRecords() throws Exception {
    CountDownLatch secretsStarted = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    harness.withServiceOutputs();
    harness.secretsHeldUntil(secretsStarted, release);
    WorkflowStub run = harness.start(ServiceTemplate.run(true));
    assertThat(secretsStarted.await(30, TimeUnit.SECONDS)).isTrue();

    RunProgress live = harness.progress();
    release.countDown();
    run.getResult(RunProgress.class);

    assertThat(live.steps())
        .extracting(StepProgress::status)
        .containsExactly(
            StepStatus.SUCCEEDED,
            StepStatus.SUCCEEDED,
            StepStatus.SUCCEEDED,
            StepStatus.RUNNING,
            StepStatus.PENDING,
            StepStatus.PENDING);
    assertThat(live.steps().get(1).output()).containsEntry("remoteUrl", REMOTE_URL);
    assertThat(harness.recorded())
        .extracting(RunProgress::status)
        .containsExactly(RunStatus.RUNNING, RunStatus.COMPLETED);
  }

  @Test
  void skipsAStepWhoseIfIsFalseWithoutCallingItsAction() {
    RunProgress result = harness.run(ServiceTemplate.run(false));

    assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
    StepProgress dashboard = result.steps().get(2);
    assertThat(dashboard.status()).isEqualTo(StepStatus.SKIPPED);
    assertThat(dashboard.attempts()).isZero();
    assertThat(dashboard.output()).isEmpty();
    verify(harness.dashboard, never()).grafanaDashboard(any());
    verify(harness.secrets).vaultSecrets(any());
    verify(harness.catalog).catalogRegister(any());
    // A later step reading a skipped step's output would not find it.
    assertThat(harness.renderRequests().get(3).steps()).doesNotContainKey("dashboard");
  }

  @Test
  void retriesAStepThatFailsTwiceAndCountsItsAttempts() {
    when(harness.repository.publishGithub(any()))
        .thenThrow(new IllegalStateException("connection reset"))
        .thenThrow(ApplicationFailure.newFailure("GitHub answered 502", "Unavailable"))
        .thenReturn(
            ActionResult.of(Map.of("remoteUrl", REMOTE_URL, "repoContentsUrl", CONTENTS_URL)));

    RunProgress result = harness.run(ServiceTemplate.run(true));

    assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
    verify(harness.repository, times(3)).publishGithub(any());
    verify(harness.repository, never()).undoPublishGithub(any());
    assertThat(result.steps().get(1).attempts()).isEqualTo(3);
    assertThat(result.steps().get(1).status()).isEqualTo(StepStatus.SUCCEEDED);
    assertThat(result.steps().get(0).attempts()).isEqualTo(1);
  }

  @Test
  void anActionThatReturnsNothingCountsAsSucceededWithNoOutput() {
    when(harness.repository.publishGithub(any()))
        .thenReturn(
            ActionResult.of(Map.of("remoteUrl", REMOTE_URL, "repoContentsUrl", CONTENTS_URL)));
    when(harness.manifests.k8sManifests(any())).thenReturn(null);

    RunProgress result = harness.run(ServiceTemplate.run(true));

    assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
    StepProgress manifests =
        result.steps().stream().filter(s -> s.id().equals("manifests")).findFirst().orElseThrow();
    assertThat(manifests.status()).isEqualTo(StepStatus.SUCCEEDED);
    assertThat(manifests.output()).isEmpty();
  }

  /** Verifies the next action call in order is the given step's and returns its request. */
  private ActionRequest captured(InOrder order, String stepId) {
    ArgumentCaptor<ActionRequest> request = ArgumentCaptor.forClass(ActionRequest.class);
    switch (stepId) {
      case "fetch" -> order.verify(harness.fetch).fetchTemplate(request.capture());
      case "publish" -> order.verify(harness.repository).publishGithub(request.capture());
      case "dashboard" -> order.verify(harness.dashboard).grafanaDashboard(request.capture());
      case "secrets" -> order.verify(harness.secrets).vaultSecrets(request.capture());
      case "manifests" -> order.verify(harness.manifests).k8sManifests(request.capture());
      case "register" -> order.verify(harness.catalog).catalogRegister(request.capture());
      default -> throw new IllegalArgumentException(stepId);
    }
    assertThat(request.getValue().stepId()).isEqualTo(stepId);
    return request.getValue();
  }
}
