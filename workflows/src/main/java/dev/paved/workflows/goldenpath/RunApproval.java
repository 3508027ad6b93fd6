package dev.paved.workflows.goldenpath;

import dev.paved.workflows.approval.Decision;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code paved:approval} step of a run as its approvers see it: who may decide, how many must
 * approve, until when, and every decision taken.
 *
 * @param step the approval step's id
 * @param approvers the groups whose members decide (never the run's requester)
 * @param minApprovals how many distinct approvers must approve
 * @param requestedBy the user who started the run, who may not approve it
 * @param since when the step began to wait (epoch milliseconds, workflow time)
 * @param deadline when it expires if nobody has decided (epoch milliseconds)
 * @param decisions the decisions taken, oldest first
 */
public record RunApproval(
    String step,
    String message,
    List<String> approvers,
    int minApprovals,
    String requestedBy,
    long since,
    long deadline,
    List<Decision> decisions,
    Outcome outcome) {

  public RunApproval {
    approvers = approvers == null ? List.of() : List.copyOf(approvers);
    decisions = decisions == null ? List.of() : List.copyOf(decisions);
  }

  /** Where the approval stands. */
  public enum Outcome {
    WAITING,
    APPROVED,
    REJECTED,
    EXPIRED,
    /** The run was cancelled while it waited. */
    CANCELLED
  }

  /** How many distinct approvers approved. */
  public long approvals() {
    return decisions.stream().filter(Decision::approves).count();
  }

  /** The users who have decided, whichever way. */
  public List<String> decidedBy() {
    return decisions.stream().map(Decision::user).toList();
  }

  RunApproval with(Decision decision) {
    List<Decision> more = new ArrayList<>(decisions);
    more.add(decision);
    return new RunApproval(
        step, message, approvers, minApprovals, requestedBy, since, deadline, more, outcome);
  }

  RunApproval ended(Outcome end) {
    return new RunApproval(
        step, message, approvers, minApprovals, requestedBy, since, deadline, decisions, end);
  }
}
