package dev.paved.cli;

/** What {@code paved} exits with; scripts rely on these. */
final class ExitCodes {

  static final int OK = 0;

  /** A run that ended otherwise than COMPLETED, or any other failure. */
  static final int FAILED = 1;

  /** A usage error, or input Paved refused as invalid (the fields and their messages). */
  static final int INVALID = 2;

  /** The run waits for approval and {@code --no-wait-approval} was given. */
  static final int WAITING_APPROVAL = 3;

  private ExitCodes() {}
}
