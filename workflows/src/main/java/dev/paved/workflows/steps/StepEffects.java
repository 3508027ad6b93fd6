package dev.paved.workflows.steps;

import java.util.ArrayList;
import java.util.List;

/**
 * What one step may have made in a system outside Paved, as its activity reported it: in the result
 * on success, in the failure's details on failure, and in the heartbeat details across attempts.
 * Names only (for example {@code grafana dashboard team-x-svc}), never a secret value: it is kept
 * in workflow history.
 *
 * @param made what the step made (confirmed by the system's answer)
 * @param intended what it was about to make when it stopped: the call was sent and no answer said
 *     it was not made, so it may exist
 * @param unsure an attempt ended without reporting (a crash or a timeout): anything may exist
 * @param attempt the attempt that last wrote this record
 * @param closed whether that attempt ended by reporting it (success or failure)
 */
public record StepEffects(
    List<String> made, List<String> intended, boolean unsure, int attempt, boolean closed) {

  public StepEffects {
    made = made == null ? List.of() : List.copyOf(made);
    intended = intended == null ? List.of() : List.copyOf(intended);
  }

  /** Nothing made yet, in the first attempt. */
  public static StepEffects none() {
    return new StepEffects(List.of(), List.of(), false, 1, false);
  }

  /** Whether anything may exist that an undo would remove. */
  public boolean mayExist() {
    return unsure || !made.isEmpty() || !intended.isEmpty();
  }

  /** Every name that may exist, made first. */
  public List<String> all() {
    List<String> all = new ArrayList<>(made);
    intended.stream().filter(i -> !all.contains(i)).forEach(all::add);
    return all;
  }
}
