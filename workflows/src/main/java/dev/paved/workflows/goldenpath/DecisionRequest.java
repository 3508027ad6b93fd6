package dev.paved.workflows.goldenpath;

import java.util.Map;

/**
 * An operator's decision as the API sends it to the run's workflow (the retry, rollback and cancel
 * updates).
 *
 * @param decidedBy the user deciding
 * @param parameters for a retry: the run's whole parameters, corrected and already validated
 *     against the template's form by the API; null to keep them. Ignored by rollback and cancel.
 */
public record DecisionRequest(String decidedBy, Map<String, Object> parameters) {

  public static DecisionRequest by(String decidedBy) {
    return new DecisionRequest(decidedBy, null);
  }
}
