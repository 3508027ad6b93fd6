package dev.paved.cli;

/** A failure the command explains in one line, with its exit code. */
final class CliException extends RuntimeException {

  private final int exitCode;

  CliException(String message) {
    this(message, ExitCodes.FAILED);
  }

  CliException(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
