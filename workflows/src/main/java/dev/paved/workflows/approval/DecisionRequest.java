package dev.paved.workflows.approval;

/**
 * An approver's decision as asked through the API: the update argument of an approval.
 *
 * @param decision {@code approve} or {@code reject}
 */
public record DecisionRequest(Caller caller, String decision, String comment) {

  public static final String APPROVE = "approve";
  public static final String REJECT = "reject";

  /** Whether {@code decision} is one of the two words a decision may be. */
  public static boolean isDecision(String decision) {
    return APPROVE.equals(decision) || REJECT.equals(decision);
  }

  public boolean approves() {
    return APPROVE.equals(decision);
  }
}
