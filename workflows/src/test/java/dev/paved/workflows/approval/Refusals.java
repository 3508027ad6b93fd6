package dev.paved.workflows.approval;

import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;

/** An update validator's refusal as a client sees it: its type and its message. */
public final class Refusals {

  private Refusals() {}

  /** Runs the update and returns the refusal's type; fails when the update was accepted. */
  public static String refusal(Runnable update) {
    try {
      update.run();
    } catch (WorkflowUpdateException e) {
      if (e.getCause() instanceof ApplicationFailure failure) {
        return failure.getType().substring(failure.getType().lastIndexOf('$') + 1);
      }
      throw new AssertionError("refused without an application failure", e);
    }
    throw new AssertionError("the update was accepted");
  }

  /** The refusal's message. */
  public static String message(Runnable update) {
    try {
      update.run();
    } catch (WorkflowUpdateException e) {
      return ((ApplicationFailure) e.getCause()).getOriginalMessage();
    }
    throw new AssertionError("the update was accepted");
  }
}
