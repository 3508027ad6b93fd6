package dev.paved.api.approvals;

import dev.paved.api.Problems;
import java.util.Map;

/** The comment of a decision (on a run or an access request), as it is kept and audited. */
public final class DecisionComments {

  public static final int MAX_LENGTH = 1000;

  private DecisionComments() {}

  /** The comment stripped, "" when absent; 400 when longer than {@link #MAX_LENGTH}. */
  public static String checked(String comment) {
    if (comment != null && comment.length() > MAX_LENGTH) {
      throw Problems.invalid("comment may have at most " + MAX_LENGTH + " characters", Map.of());
    }
    return comment == null ? "" : comment.strip();
  }
}
