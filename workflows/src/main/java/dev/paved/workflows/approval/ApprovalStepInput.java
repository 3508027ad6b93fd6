package dev.paved.workflows.approval;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rendered input of a {@code paved:approval} step, checked: the approver groups, the quorum,
 * the timeout and the message. The run checks it as the step starts; a dry run checks it the same
 * way.
 *
 * @param approvers group names, lower case, without duplicates
 */
public record ApprovalStepInput(
    List<String> approvers, int minApprovals, Duration timeout, String message) {

  /** Three days: a weekend does not expire a Friday request. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(72);

  public static final int MAX_APPROVALS = 10;

  /**
   * The checked input; throws {@code IllegalArgumentException} with a sentence saying what is
   * wrong.
   */
  public static ApprovalStepInput parse(Map<String, Object> input, String stepName) {
    List<String> approvers = approvers(input.get("approvers"));
    int minApprovals = minApprovals(input.get("minApprovals"));
    Duration timeout = timeout(input.get("timeout"));
    Object message = input.get("message");
    return new ApprovalStepInput(
        approvers,
        minApprovals,
        timeout,
        message == null || String.valueOf(message).isBlank()
            ? "Approve '" + stepName + "'?"
            : String.valueOf(message).strip());
  }

  private static List<String> approvers(Object value) {
    List<Object> refs = new ArrayList<>();
    if (value instanceof List<?> list) {
      refs.addAll(list);
    } else if (value instanceof String text) {
      refs.addAll(List.of(text.split(",")));
    } else if (value != null) {
      throw new IllegalArgumentException("input 'approvers' must be a group ref or a list of them");
    }
    Set<String> groups = new LinkedHashSet<>();
    for (Object ref : refs) {
      String text = ref == null ? "" : String.valueOf(ref).strip();
      if (text.isEmpty()) {
        continue;
      }
      if (Groups.isUserRef(text)) {
        throw new IllegalArgumentException(
            "input 'approvers' names groups, not users ('" + text + "')");
      }
      groups.add(Groups.name(text));
    }
    if (groups.isEmpty()) {
      throw new IllegalArgumentException(
          "input 'approvers' names no group: nobody could approve this step");
    }
    return List.copyOf(groups);
  }

  private static int minApprovals(Object value) {
    if (value == null || "".equals(value)) {
      return 1;
    }
    int quorum;
    try {
      quorum =
          value instanceof Number number
              ? Math.toIntExact(number.longValue())
              : Integer.parseInt(String.valueOf(value).strip());
    } catch (ArithmeticException | NumberFormatException e) {
      quorum = 0;
    }
    if (quorum < 1 || quorum > MAX_APPROVALS) {
      throw new IllegalArgumentException(
          "input 'minApprovals' must be a whole number from 1 to "
              + MAX_APPROVALS
              + ", not '"
              + value
              + "'");
    }
    return quorum;
  }

  private static Duration timeout(Object value) {
    if (value == null || "".equals(value)) {
      return DEFAULT_TIMEOUT;
    }
    try {
      Duration timeout = Duration.parse(String.valueOf(value).strip());
      if (timeout.compareTo(Duration.ofMinutes(1)) >= 0) {
        return timeout;
      }
    } catch (DateTimeParseException unreadable) {
      // said below
    }
    throw new IllegalArgumentException(
        "input 'timeout' must be an ISO-8601 duration of at least a minute (for example PT72H),"
            + " not '"
            + value
            + "'");
  }
}
