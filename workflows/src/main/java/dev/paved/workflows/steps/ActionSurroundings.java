package dev.paved.workflows.steps;

import java.util.function.Function;

/**
 * What a worker does around each attempt of an action on a golden-path queue: bring what the step
 * reads to this host before it runs (the run's workspace, its template's files) and keep what it
 * changed where every worker reaches it after it succeeded. A failure here fails the attempt as the
 * step's own failure would, and the step's retries cover it.
 */
public interface ActionSurroundings {

  /** Nothing around the step: every worker shares one data folder, or there is one worker. */
  ActionSurroundings NONE =
      new ActionSurroundings() {
        @Override
        public <T> T around(ActionRequest request, Function<ActionRequest, T> step) {
          return step.apply(request);
        }
      };

  /** Runs {@code step} with the request it should see; returns what it returned. */
  <T> T around(ActionRequest request, Function<ActionRequest, T> step);
}
