package dev.paved.workflows.steps;

import java.util.List;

/**
 * The stable type names of step failures. The first three never heal by retrying: the activity
 * options mark them non-retryable, and the API maps them to answers.
 */
public final class FailureTypes {

  /** The step's input is wrong (a missing field, a file that does not exist, a bad value). */
  public static final String INVALID_INPUT = "InvalidInput";

  /** Something the step would make already exists and was not made for this service. */
  public static final String CONFLICT = "Conflict";

  /** The system refused Paved's credentials or permissions. */
  public static final String UNAUTHORIZED = "Unauthorized";

  /** A system was unavailable; retried under the step's policy. */
  public static final String UNAVAILABLE = "Unavailable";

  public static final List<String> NON_RETRYABLE = List.of(INVALID_INPUT, CONFLICT, UNAUTHORIZED);

  private FailureTypes() {}
}
