package dev.paved.workflows.goldenpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.paved.workflows.steps.ActionRequest;
import dev.paved.workflows.steps.ActionResult;
import dev.paved.workflows.steps.RenderRequest;
import dev.paved.workflows.steps.StepPlan;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

/** Steps with {@code each}. */
@Timeout(value = 60, unit = TimeUnit.SECONDS) // a guard against a hung run, not a timed assertion
class GoldenPathEachTest {

  @RegisterExtension final GoldenPathHarness harness = new GoldenPathHarness().withServiceOutputs();

  /** A publish step repeated for each of {@code repos}, then a step that reads its outputs. */
  private static List<StepPlan> eachTemplate(Object each, String condition) {
    List<StepPlan> steps = new ArrayList<>();
    steps.add(
        new StepPlan(
            "publish",
            "Publish each",
            "publish:github",
            Map.of("repoUrl", "github.com?owner=acme&repo=${{ each.value }}"),
            condition,
            each));
    steps.add(
        new StepPlan(
            "register",
            "Register",
            "catalog:register",
            Map.of("repoContentsUrl", "${{ steps['publish'].output.repoContentsUrl }}"),
            null));
    return steps;
  }

  private static RunInput run(List<StepPlan> steps, Map<String, Object> extra) {
    RunInput base = ServiceTemplate.run(steps, true);
    Map<String, Object> parameters = new java.util.LinkedHashMap<>(base.parameters());
    parameters.putAll(extra);
    return new RunInput(
        base.runId(), base.serviceKey(), base.requestedBy(), base.template(), parameters);
  }

  @Test
  void runsTheActionOncePerItemInOrderAndListsItsOutputs() {
    when(harness.repository.publishGithub(any()))
        .thenAnswer(
            call -> {
              String repoUrl =
                  (String) call.getArgument(0, ActionRequest.class).input().get("repoUrl");
              String repo = repoUrl.substring(repoUrl.lastIndexOf('=') + 1);
              return ActionResult.of(Map.of("repoContentsUrl", "file:/" + repo + "/blob/main"));
            });

    RunProgress result =
        harness.run(
            run(
                eachTemplate("${{ parameters.repos }}", null),
                Map.of("repos", List.of("api", "web"))));

    assertThat(result.status()).as(result.error()).isEqualTo(RunStatus.COMPLETED);
    ArgumentCaptor<ActionRequest> publishes = ArgumentCaptor.forClass(ActionRequest.class);
    verify(harness.repository, times(2)).publishGithub(publishes.capture());
    assertThat(publishes.getAllValues())
        .extracting(r -> r.input().get("repoUrl"))
        .containsExactly("github.com?owner=acme&repo=api", "github.com?owner=acme&repo=web");
    assertThat(publishes.getAllValues()).extracting(ActionRequest::stepId).containsOnly("publish");
    StepProgress publish = result.steps().get(0);
    assertThat(publish.status()).isEqualTo(StepStatus.SUCCEEDED);
    assertThat(publish.attempts()).isEqualTo(1);
    // as in Backstage: each output name holds the list of the iterations' values
    assertThat(publish.output())
        .isEqualTo(
            Map.of("repoContentsUrl", List.of("file:/api/blob/main", "file:/web/blob/main")));
    List<RenderRequest> renders = harness.renderRequests();
    assertThat(renders).extracting(r -> r.step().id()).containsExactly("register");
    assertThat(renders.get(0).steps().get("publish")).isEqualTo(publish.output());
  }

  @Test
  void anItemWhoseIfIsFalsyDoesNotRun() {
    RunProgress result =
        harness.run(
            run(eachTemplate(List.of("api", "false", "web"), "${{ each.value }}"), Map.of()));

    assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
    verify(harness.repository, times(2)).publishGithub(any());
  }

  @Test
  void noItemRunningSkipsTheStep() {
    List<StepPlan> steps = new ArrayList<>(eachTemplate(List.of(), null).subList(0, 1));
    steps.add(new StepPlan("fetch", "Fetch", "fetch:template", Map.of("url", "./x"), null));
    RunProgress none = harness.run(run(steps, Map.of()));

    assertThat(none.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(none.steps().get(0).status()).isEqualTo(StepStatus.SKIPPED);
    verify(harness.repository, never()).publishGithub(any());
    // a later step still finds the step, with nothing in its output
    assertThat(harness.renderRequests().get(0).steps()).containsEntry("publish", Map.of());
  }

  @Test
  void aFailedItemUndoesTheItemsBeforeItAndItselfNewestFirst() {
    when(harness.repository.publishGithub(any()))
        .thenReturn(ActionResult.of(Map.of("repoContentsUrl", "file:/x/blob/main")))
        .thenThrow(ApplicationFailure.newNonRetryableFailure("name taken", "Conflict"));

    RunProgress result =
        harness.run(run(eachTemplate(List.of("api", "web", "docs"), null), Map.of()));

    assertThat(result.status()).isEqualTo(RunStatus.ROLLED_BACK);
    assertThat(result.failedStep()).isEqualTo("publish");
    assertThat(result.steps().get(0).errorType()).isEqualTo("Conflict");
    verify(harness.repository, times(2)).publishGithub(any());
    InOrder undos = inOrder(harness.repository);
    undos
        .verify(harness.repository)
        .undoPublishGithub(argThat(r -> r.input().get("repoUrl").toString().endsWith("=web")));
    undos
        .verify(harness.repository)
        .undoPublishGithub(argThat(r -> r.input().get("repoUrl").toString().endsWith("=api")));
    undos.verifyNoMoreInteractions();
    verify(harness.catalog, never()).catalogRegister(any());
  }
}
