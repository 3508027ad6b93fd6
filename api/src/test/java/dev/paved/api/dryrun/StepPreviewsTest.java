package dev.paved.api.dryrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.paved.activities.support.Workspaces;
import dev.paved.api.actions.ActionRegistry;
import dev.paved.workflows.steps.ActionRequest;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepPreviewsTest {

  @TempDir Path dir;

  /** A new action must come with its dry-run half, or dry runs of templates using it break. */
  @Test
  void everyActionPavedKnowsHasAPlan() {
    StepPreviews previews =
        new StepPreviews(
            new Workspaces(dir),
            new DryRunProviders(null, null, null, null, null, null, null, null));
    for (String action : ActionRegistry.ids()) {
      Throwable refused =
          catchThrowable(
              () ->
                  previews.preview(
                      new ActionRequest(
                          "dry-run", "team/x", "s", action, Map.of(), dir.toString(), "guest")));
      // with no input most actions refuse it, but as a step would, never for lack of a plan
      assertThat(String.valueOf(refused)).as(action).doesNotContain("cannot plan");
    }
  }
}
