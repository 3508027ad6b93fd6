package dev.paved.workflows.approval;

/**
 * A decision as taken: who, which, why, and when (epoch milliseconds, workflow time).
 *
 * @param decision {@code approve} or {@code reject}
 */
public record Decision(String user, String decision, String comment, long decidedAt) {

  public boolean approves() {
    return DecisionRequest.APPROVE.equals(decision);
  }
}
