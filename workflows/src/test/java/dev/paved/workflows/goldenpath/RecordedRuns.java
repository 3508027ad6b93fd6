package dev.paved.workflows.goldenpath;

import static dev.paved.workflows.goldenpath.ServiceTemplate.CONTENTS_URL;
import static dev.paved.workflows.goldenpath.ServiceTemplate.REMOTE_URL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import dev.paved.workflows.steps.ActionResult;
import dev.paved.workflows.steps.StepPlan;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The representative runs whose histories are kept under {@code src/test/resources/histories}: a
 * run that completes (one step retried, one skipped), one that rolls back, and one with a step
 * repeated by {@code each} and a {@code debug:wait} timer.
 */
final class RecordedRuns {

  static final String COMPLETED = "completed";
  static final String ROLLED_BACK = "rolled-back";
  static final String EACH_AND_WAIT = "each-and-wait";
  static final List<String> NAMES = List.of(COMPLETED, ROLLED_BACK, EACH_AND_WAIT);

  private RecordedRuns() {}

  /** Runs the named scenario in a fresh test environment and returns its history as JSON. */
  static String record(String name) {
    try (GoldenPathHarness harness = new GoldenPathHarness()) {
      RunStatus expected = stub(name, harness);
      RunProgress result = harness.run(input(name));
      assertThat(result.status()).as(name).isEqualTo(expected);
      return harness.history().toJson(true);
    }
  }

  private static RunInput input(String name) {
    if (!EACH_AND_WAIT.equals(name)) {
      return ServiceTemplate.run(!COMPLETED.equals(name));
    }
    List<StepPlan> steps = new ArrayList<>(ServiceTemplate.steps());
    StepPlan publish = steps.get(1);
    steps.set(
        1,
        new StepPlan(
            publish.id(),
            publish.name(),
            publish.action(),
            Map.of("repoUrl", "github.com?owner=acme&repo=${{ each.value }}"),
            null,
            List.of("checkout", "checkout-docs")));
    steps.add(2, new StepPlan("wait", "Wait", "debug:wait", Map.of("seconds", 30), null));
    return ServiceTemplate.run(steps, false);
  }

  static String resource(String name) {
    return "/histories/" + name + ".json";
  }

  private static RunStatus stub(String name, GoldenPathHarness harness) {
    when(harness.secrets.vaultSecrets(any()))
        .thenReturn(ActionResult.of(Map.of("path", "secret/team-payments/checkout")));
    ActionResult published =
        ActionResult.of(Map.of("remoteUrl", REMOTE_URL, "repoContentsUrl", CONTENTS_URL));
    switch (name) {
      case COMPLETED -> {
        when(harness.repository.publishGithub(any()))
            .thenThrow(ApplicationFailure.newFailure("GitHub answered 502", "Unavailable"))
            .thenReturn(published);
        return RunStatus.COMPLETED;
      }
      case EACH_AND_WAIT -> {
        when(harness.repository.publishGithub(any())).thenReturn(published);
        return RunStatus.COMPLETED;
      }
      case ROLLED_BACK -> {
        when(harness.repository.publishGithub(any())).thenReturn(published);
        when(harness.secrets.vaultSecrets(any()))
            .thenThrow(
                ApplicationFailure.newNonRetryableFailure("owner is not a team", "InvalidInput"));
        return RunStatus.ROLLED_BACK;
      }
      default -> throw new IllegalArgumentException("no recorded run named " + name);
    }
  }
}
