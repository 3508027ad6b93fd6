package dev.paved.api.approvals;

import dev.paved.api.Problems;
import dev.paved.workflows.approval.ApprovalFailures;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * An approval validator's refusal as the API answers it: 403 for who may not decide, 409 for what
 * the state rules out, 400 for a malformed decision, each with the validator's sentence; 500 for a
 * validator that failed instead of refusing.
 */
public final class ValidatorRefusals {

  private ValidatorRefusals() {}

  public static ErrorResponseException of(WorkflowUpdateException e) {
    if (!(e.getCause() instanceof ApplicationFailure failure)) {
      return Problems.unavailable("the decision could not be taken; nothing changed");
    }
    String message = failure.getOriginalMessage();
    String type = failure.getType();
    if (ApprovalFailures.FORBIDDEN.equals(type)) {
      return Problems.forbidden(message);
    }
    if (ApprovalFailures.INVALID.equals(type)) {
      return Problems.invalid(message, Map.of());
    }
    if (ApprovalFailures.CONFLICT.equals(type)) {
      return Problems.conflict(message, Map.of());
    }
    // a validator that failed rather than refused: a bug, not the caller's doing
    return Problems.problem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "internal",
        "Internal error",
        "refused: " + message,
        Map.of());
  }
}
