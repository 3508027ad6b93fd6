package dev.paved.workflows.approval;

/**
 * The refusals every update validator throws (an approval, an access request's actions, a run's
 * decisions); a refused update never enters history, and the caller hears why at once. The client
 * sees each as an {@code ApplicationFailure} whose type is the refusal's class name ({@link
 * #FORBIDDEN}, {@link #CONFLICT}, {@link #INVALID}), which the API answers as 403, 409 and 400.
 *
 * <p>They are plain exceptions on purpose: the SDK (1.38) reports an {@code ApplicationFailure}
 * thrown in a validator as a {@code WorkflowExecutionException} and loses its type, whatever the
 * worker's options ({@code ValidatorRefusalTypeTest} proves it).
 */
public final class ApprovalFailures {

  public static final String FORBIDDEN = Forbidden.class.getName();
  public static final String CONFLICT = Conflict.class.getName();
  public static final String INVALID = Invalid.class.getName();

  private ApprovalFailures() {}

  public static RuntimeException forbidden(String message) {
    return new Forbidden(message);
  }

  public static RuntimeException conflict(String message) {
    return new Conflict(message);
  }

  public static RuntimeException invalid(String message) {
    return new Invalid(message);
  }

  /** The caller may not do this (their own request, not an approver). */
  public static final class Forbidden extends RuntimeException {
    Forbidden(String message) {
      super(message, null, false, false);
    }
  }

  /** The request is not in a state that allows it (decided, ended, already done by them). */
  public static final class Conflict extends RuntimeException {
    Conflict(String message) {
      super(message, null, false, false);
    }
  }

  /** The update's argument is wrong. */
  public static final class Invalid extends RuntimeException {
    Invalid(String message) {
      super(message, null, false, false);
    }
  }
}
