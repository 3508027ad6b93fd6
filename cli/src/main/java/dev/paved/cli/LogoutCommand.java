package dev.paved.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Forgets the stored credentials. */
@Command(
    name = "logout",
    mixinStandardHelpOptions = true,
    description = "Forget the credentials 'paved login' stored.")
final class LogoutCommand implements Callable<Integer> {

  private final Session session;

  @Mixin OutputOption output;

  LogoutCommand(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() throws IOException {
    boolean removed = Credentials.delete(session.configDir());
    if (output.json()) {
      session.out().println("{\"signedOut\": " + removed + "}");
    } else {
      session.out().println(removed ? "Signed out." : "Not signed in.");
    }
    session.out().flush();
    return ExitCodes.OK;
  }
}
